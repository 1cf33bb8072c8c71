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
 * 22. checklist items of a campaign  gsi1 CHECKLIST#<campaignId>  <itemId>
 * 23. the tally's statistics of a campaign  pk TALLY#<campaignId>  sk STATS
 *
 * Quizzes (numbered Q1… so that parallel edits of this list do not collide)
 * Q1. question bank by id            pk QBANK#<id>              sk QBANK
 * Q2. banks in an org subtree        gsi2 QBANKS                <orgPath><createdAt>#<id>  (begins_with orgPath)
 * Q3. a bank's questions             pk QBANK#<bankId>          sk Q#<questionId>
 * Q4. question id by fingerprint     pk QBANK#<bankId>          sk QFP#<sha256 of stem+options>   (de-duplication)
 * Q5. quiz by id                     pk QUIZ#<id>               sk QUIZ
 * Q6. quizzes in an org subtree      gsi2 QUIZZES               <orgPath><createdAt>#<id>  (begins_with orgPath)
 * Q7. quizzes for an org's members   pk QUIZ#<id> sk TARGET#<orgId>; gsi1 QUIZ_FOR#<orgId>  <closesAt>#<quizId>
 * Q8. a member's standing in a quiz  pk QUIZ#<id>               sk MEMBER#<userId>  (attempt counter, counted score,
 *                                    offline score; the leaderboard is a Query on begins_with MEMBER#)
 * Q9. attempt by id                  pk ATTEMPT#<id>            sk ATTEMPT
 * Q10. graded attempts of a quiz     gsi1 QUIZ_ATTEMPTS#<quizId>  <submittedAt>#<attemptId>  (sparse: graded only)
 *
 * Study (numbered S1…)
 * S1. topic by id                    pk TOPIC#<id>              sk TOPIC
 * S2. published topics in order      gsi1 TOPICS_PUBLISHED      <order>#<id>               (sparse: published only)
 * S3. topics in an org subtree       gsi2 TOPICS                <orgPath><createdAt>#<id>  (begins_with orgPath)
 * S4. lesson by id                   pk LESSON#<id>             sk LESSON
 * S5. a topic's lessons in order     gsi1 TOPIC_LESSONS#<topicId>  <order>#<id>
 * S6. a member's study of a lesson   pk USER#<userId>           sk STUDY#<lessonId>   (honest-time state, completion;
 *                                    all of a member's: begins_with STUDY#)
 * S7. a member's points of a day     pk USER#<userId>           sk POINTS#<day>#<kind>  (units and points, for daily caps)
 * S8. reflection by id               pk REFL#<id>               sk REFL
 * S9. a lesson's reflections         gsi1 LESSON_REFL#<lessonId>  <status>#<createdAt>#<id>
 * S10. reflections awaiting review   gsi2 REFL_PENDING          <orgPath><createdAt>#<id>  (sparse, begins_with orgPath)
 * S11. study plan by id              pk PLAN#<id>               sk PLAN
 * S11a. plans made in an org subtree gsi2 PLANS               <ownerOrgPath><createdAt>#<id>  (begins_with orgPath)
 * S12. plans for an org's members    pk PLAN#<id> sk TARGET#<orgId>; gsi1 PLANS_FOR#<orgId>  <deadline>#<planId>
 * S13. study session by id           pk SSESSION#<id>           sk SSESSION
 * S14. sessions in an org subtree    gsi2 SSESSIONS             <orgPath><startsAt>#<id>  (begins_with orgPath)
 * S15. a session's attendance        pk SSESSION#<id>           sk ATTEND#<userId>
 * S16. session id by check-in code   pk CHECKIN#<code>          sk CHECKIN               (TTL)
 *
 * Tally runs (numbered T1…)
 * T1. tally run by id                pk TALLYRUN#<runId>        sk TALLYRUN              (TTL: kept 30 days)
 * T2. a campaign's running tally     pk TALLY#<campaignId>      sk RUN   (lease: one run at a time per campaign)
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
  campaignChecklist: (campaignId: string) => ({ gsi1pk: `CHECKLIST#${campaignId}` }),
  campaignChecklistSort: (itemId: string) => ({ gsi1sk: itemId }),
  tallyStats: (campaignId: string): Key => ({ pk: `TALLY#${campaignId}`, sk: 'STATS' }),
  tallyRun: (runId: string): Key => ({ pk: `TALLYRUN#${runId}`, sk: 'TALLYRUN' }),
  tallyLease: (campaignId: string): Key => ({ pk: `TALLY#${campaignId}`, sk: 'RUN' }),
  contactAudit: (campaignId: string, at: string, requestId: string): Key => ({ pk: `AUDIT#${campaignId}`, sk: `${at}#${requestId}` }),
  followUpPending: (campaignId: string, ratedAt: string, id: string) => ({ gsi2pk: `FOLLOWUP#${campaignId}`, gsi2sk: `${ratedAt}#${id}` }),
  followUpPartition: (campaignId: string) => ({ gsi2pk: `FOLLOWUP#${campaignId}` }),

  archiveEntry: (userId: string, at: string, kind: string, refId: string): Key => ({ pk: `USER#${userId}`, sk: `ARCHIVE#${at}#${kind}#${refId}` }),
  archivePrefix: (userId: string) => ({ pk: `USER#${userId}`, skPrefix: 'ARCHIVE#' }),

  questionBank: (id: string): Key => ({ pk: `QBANK#${id}`, sk: 'QBANK' }),
  banksInOrg: () => ({ gsi2pk: 'QBANKS' }),
  bankOrgSort: (orgPath: string, createdAt: string, id: string) => ({ gsi2sk: `${orgPath}${createdAt}#${id}` }),
  question: (bankId: string, questionId: string): Key => ({ pk: `QBANK#${bankId}`, sk: `Q#${questionId}` }),
  questionsPrefix: (bankId: string) => ({ pk: `QBANK#${bankId}`, skPrefix: 'Q#' }),
  questionFingerprint: (bankId: string, hash: string): Key => ({ pk: `QBANK#${bankId}`, sk: `QFP#${hash}` }),
  quiz: (id: string): Key => ({ pk: `QUIZ#${id}`, sk: 'QUIZ' }),
  quizzesInOrg: () => ({ gsi2pk: 'QUIZZES' }),
  quizOrgSort: (orgPath: string, createdAt: string, id: string) => ({ gsi2sk: `${orgPath}${createdAt}#${id}` }),
  quizTarget: (quizId: string, orgId: string): Key => ({ pk: `QUIZ#${quizId}`, sk: `TARGET#${orgId}` }),
  quizzesFor: (orgId: string) => ({ gsi1pk: `QUIZ_FOR#${orgId}` }),
  quizForSort: (closesAt: string, quizId: string) => ({ gsi1sk: `${closesAt}#${quizId}` }),
  quizStanding: (quizId: string, userId: string): Key => ({ pk: `QUIZ#${quizId}`, sk: `MEMBER#${userId}` }),
  quizStandingsPrefix: (quizId: string) => ({ pk: `QUIZ#${quizId}`, skPrefix: 'MEMBER#' }),
  attempt: (id: string): Key => ({ pk: `ATTEMPT#${id}`, sk: 'ATTEMPT' }),
  quizAttempts: (quizId: string) => ({ gsi1pk: `QUIZ_ATTEMPTS#${quizId}` }),
  quizAttemptSort: (submittedAt: string, attemptId: string) => ({ gsi1sk: `${submittedAt}#${attemptId}` }),
  topic: (id: string): Key => ({ pk: `TOPIC#${id}`, sk: 'TOPIC' }),
  topicsPublished: () => ({ gsi1pk: 'TOPICS_PUBLISHED' }),
  orderSort: (order: number, id: string) => ({ gsi1sk: `${String(order).padStart(5, '0')}#${id}` }),
  topicsInOrg: () => ({ gsi2pk: 'TOPICS' }),
  topicOrgSort: (orgPath: string, createdAt: string, id: string) => ({ gsi2sk: `${orgPath}${createdAt}#${id}` }),
  lesson: (id: string): Key => ({ pk: `LESSON#${id}`, sk: 'LESSON' }),
  topicLessons: (topicId: string) => ({ gsi1pk: `TOPIC_LESSONS#${topicId}` }),
  studyState: (userId: string, lessonId: string): Key => ({ pk: `USER#${userId}`, sk: `STUDY#${lessonId}` }),
  studyStatePrefix: (userId: string) => ({ pk: `USER#${userId}`, skPrefix: 'STUDY#' }),
  dayPoints: (userId: string, day: string, kind: string): Key => ({ pk: `USER#${userId}`, sk: `POINTS#${day}#${kind}` }),
  reflection: (id: string): Key => ({ pk: `REFL#${id}`, sk: 'REFL' }),
  lessonReflections: (lessonId: string) => ({ gsi1pk: `LESSON_REFL#${lessonId}` }),
  lessonReflectionSort: (status: string, createdAt: string, id: string) => ({ gsi1sk: `${status}#${createdAt}#${id}` }),
  reflectionsPending: () => ({ gsi2pk: 'REFL_PENDING' }),
  reflectionPendingSort: (orgPath: string, createdAt: string, id: string) => ({ gsi2sk: `${orgPath}${createdAt}#${id}` }),
  studyPlan: (id: string): Key => ({ pk: `PLAN#${id}`, sk: 'PLAN' }),
  plansInOrg: () => ({ gsi2pk: 'PLANS' }),
  planOrgSort: (orgPath: string, createdAt: string, id: string) => ({ gsi2sk: `${orgPath}${createdAt}#${id}` }),
  planTarget: (planId: string, orgId: string): Key => ({ pk: `PLAN#${planId}`, sk: `TARGET#${orgId}` }),
  plansFor: (orgId: string) => ({ gsi1pk: `PLANS_FOR#${orgId}` }),
  planForSort: (deadline: string, planId: string) => ({ gsi1sk: `${deadline}#${planId}` }),
  studySession: (id: string): Key => ({ pk: `SSESSION#${id}`, sk: 'SSESSION' }),
  sessionsInOrg: () => ({ gsi2pk: 'SSESSIONS' }),
  sessionOrgSort: (orgPath: string, startsAt: string, id: string) => ({ gsi2sk: `${orgPath}${startsAt}#${id}` }),
  attendance: (sessionId: string, userId: string): Key => ({ pk: `SSESSION#${sessionId}`, sk: `ATTEND#${userId}` }),
  attendancePrefix: (sessionId: string) => ({ pk: `SSESSION#${sessionId}`, skPrefix: 'ATTEND#' }),
  checkInCode: (code: string): Key => ({ pk: `CHECKIN#${code}`, sk: 'CHECKIN' }),
} as const;

/** Epoch seconds `seconds` from `now`: the value of the TTL attribute. */
export function ttlIn(seconds: number, now = Date.now()): number {
  return Math.floor(now / 1000) + seconds;
}
