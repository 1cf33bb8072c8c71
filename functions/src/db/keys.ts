/**
 * Every key of Kaimen's single table is built here, and nowhere else.
 *
 * Table: pk/sk, GSIs `gsi1` (gsi1pk/gsi1sk), `gsi2` (gsi2pk/gsi2sk), `gsi3` (gsi3pk/gsi3sk, sparse work
 * queues), TTL on `ttl` (epoch seconds).
 *
 * Access patterns
 *  1. org by id                       pk ORG#<id>                sk ORG
 *  2. children of an org              gsi1 ORG_CHILDREN#<parent> <kind>#<name>#<id>
 *  3. user (member or guest) by id    pk USER#<id>               sk USER
 *  4. members of an org               gsi1 ORG_MEMBERS#<orgId>   <name>#<id>
 *  5. user id by WeChat openid        pk OPENID#<openid>         sk OPENID
 *  6. one-time binding code           pk BINDCODE#<code>         sk BINDCODE              (TTL)
 *  7. idempotency record              pk IDEM#<scope>#<key>      sk IDEM                  (TTL)
 *  8. rate-limit window counter       pk RATE#<bucket>#<client>  sk <windowStart>         (TTL)
 *  9. campaign by id                  pk CAMPAIGN#<id>           sk CAMPAIGN
 * 10. published campaigns by closing  gsi1 CAMPAIGNS            <closesAt>#<id>           (drafts absent)
 * 11. campaigns in an org subtree     gsi2 CAMPAIGNS             <orgPath><createdAt>#<id>  (begins_with orgPath)
 * 12. a member's archive, newest last pk USER#<id>               sk ARCHIVE#<at>#<kind>#<refId>
 * 13. suggestion by id                pk SUGG#<id>               sk SUGG
 * 14. a campaign's suggestions        gsi1 CAMPAIGN_SUGG#<campaignId>  <createdAt>#<id>
 * 15. suggestion id by tracking code  pk TRACK#<code>            sk TRACK
 * 16. suggestions awaiting the tally  gsi3 TALLY_PENDING#<campaignId>  <createdAt>#<id>   (sparse)
 * 17. imported row by external id     pk EXT#<campaignId>#<externalId>  sk EXT
 * 18. recent text of one client       pk RECENT#<campaignId>#<client>#<textHash>  sk RECENT  (TTL)
 * 19. checklist item by id            pk ITEM#<id>               sk ITEM
 * 20. contact-data views of a campaign pk AUDIT#<campaignId>      sk <at>#<requestId>
 * 21. a campaign's unsatisfied ratings awaiting follow-up  gsi2 FOLLOWUP#<campaignId>  <ratedAt>#<id>  (sparse)
 */

export type Key = { pk: string; sk: string };

export const keys = {
  org: (id: string): Key => ({ pk: `ORG#${id}`, sk: 'ORG' }),
  orgChildren: (parentId: string) => ({ gsi1pk: `ORG_CHILDREN#${parentId}` }),
  orgChildSort: (kind: string, name: string, id: string) => ({ gsi1sk: `${kind}#${name}#${id}` }),

  user: (id: string): Key => ({ pk: `USER#${id}`, sk: 'USER' }),
  orgMembers: (orgId: string) => ({ gsi1pk: `ORG_MEMBERS#${orgId}` }),
  orgMemberSort: (name: string, id: string) => ({ gsi1sk: `${name}#${id}` }),

  openid: (openid: string): Key => ({ pk: `OPENID#${openid}`, sk: 'OPENID' }),
  bindingCode: (code: string): Key => ({ pk: `BINDCODE#${code}`, sk: 'BINDCODE' }),

  idempotency: (scope: string, key: string): Key => ({ pk: `IDEM#${scope}#${key}`, sk: 'IDEM' }),
  rateWindow: (bucket: string, client: string, windowStart: number): Key => ({
    pk: `RATE#${bucket}#${client}`,
    sk: String(windowStart),
  }),

  campaign: (id: string): Key => ({ pk: `CAMPAIGN#${id}`, sk: 'CAMPAIGN' }),
  campaignsPublished: () => ({ gsi1pk: 'CAMPAIGNS' }),
  campaignClosingSort: (closesAt: string, id: string) => ({ gsi1sk: `${closesAt}#${id}` }),
  campaignsInOrg: () => ({ gsi2pk: 'CAMPAIGNS' }),
  campaignOrgSort: (orgPath: string, createdAt: string, id: string) => ({ gsi2sk: `${orgPath}${createdAt}#${id}` }),

  suggestion: (id: string): Key => ({ pk: `SUGG#${id}`, sk: 'SUGG' }),
  campaignSuggestions: (campaignId: string) => ({ gsi1pk: `CAMPAIGN_SUGG#${campaignId}` }),
  campaignSuggestionSort: (createdAt: string, id: string) => ({ gsi1sk: `${createdAt}#${id}` }),
  trackingCode: (code: string): Key => ({ pk: `TRACK#${code}`, sk: 'TRACK' }),
  tallyPending: (campaignId: string, createdAt: string, id: string) => ({ gsi3pk: `TALLY_PENDING#${campaignId}`, gsi3sk: `${createdAt}#${id}` }),
  tallyPendingPartition: (campaignId: string) => ({ gsi3pk: `TALLY_PENDING#${campaignId}` }),
  externalId: (campaignId: string, externalId: string): Key => ({ pk: `EXT#${campaignId}#${externalId}`, sk: 'EXT' }),
  recentText: (campaignId: string, client: string, textHash: string): Key => ({ pk: `RECENT#${campaignId}#${client}#${textHash}`, sk: 'RECENT' }),

  checklistItem: (id: string): Key => ({ pk: `ITEM#${id}`, sk: 'ITEM' }),
  contactAudit: (campaignId: string, at: string, requestId: string): Key => ({ pk: `AUDIT#${campaignId}`, sk: `${at}#${requestId}` }),
  followUpPending: (campaignId: string, ratedAt: string, id: string) => ({ gsi2pk: `FOLLOWUP#${campaignId}`, gsi2sk: `${ratedAt}#${id}` }),
  followUpPartition: (campaignId: string) => ({ gsi2pk: `FOLLOWUP#${campaignId}` }),

  archiveEntry: (userId: string, at: string, kind: string, refId: string): Key => ({ pk: `USER#${userId}`, sk: `ARCHIVE#${at}#${kind}#${refId}` }),
  archivePrefix: (userId: string) => ({ pk: `USER#${userId}`, skPrefix: 'ARCHIVE#' }),
} as const;

/** Epoch seconds `seconds` from `now`: the value of the TTL attribute. */
export function ttlIn(seconds: number, now = Date.now()): number {
  return Math.floor(now / 1000) + seconds;
}
