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
 * Notifications (numbered N1…)
 * N1. a user's message (inbox entry and WeChat outbox entry in one item, idempotent on event + user)
 *                                    pk USER#<userId>           sk NOTE#<noteId = hash of the event key>
 * N2. a user's inbox, newest first   gsi1 INBOX#<userId>        <createdAt>#<noteId>
 * N3. messages due to be sent        gsi3 NOTIFY_DUE            <sendAfter>#<userId>#<noteId>   (sparse: pending/sending only)
 * N4. send problems for admins       gsi2 NOTIFY_ISSUES         <updatedAt>#<userId>#<noteId>   (sparse: failed/retrying)
 * N5. a user's unread count          pk USER#<userId>           sk NOTE_UNREAD
 * N6. a user's switches and subscription credits  pk USER#<userId>  sk NOTIFY_SETTINGS
 * N7. a user's pushes of a day and kind (daily cap)  pk USER#<userId>  sk NOTIFY_CAP#<day>#<kind>  (TTL)
 * N8. the shared WeChat access token and its refresh lease  pk WECHAT_TOKEN  sk TOKEN
 * N9. the submitter of a suggestion (never in admin views: not on the suggestion item)  pk SUGG#<id>  sk SUBMITTER
 * N10. suggestions an openid submitted  pk MYSUGG#<openid>       sk <createdAt>#<suggestionId>
 * N11. a due-reminder scan already done  pk NOTIFY_SCAN#<eventKey>  sk SCAN  (TTL)
 * Games and rankings (numbered G1…)
 * G1. a member's game stats          pk USER#<userId>           sk GAMES  (daily streak, challenge best, questions seen, active run)
 * G2. a member's daily set           pk USER#<userId>           sk DAILY#<day>
 * G3. challenge run by id            pk CHALRUN#<id>            sk CHALRUN   (TTL)
 * G4. a branch's best challenge run  pk CHALBEST#<branchId>     sk BEST
 * G5. head-to-head round by id       pk DUEL#<id>               sk DUEL      (TTL); gsi1 DUELS_OPEN#<branchId>  <createdAt>#<id>  (sparse: waiting only)
 * G6. a member's round result        pk USER#<userId>           sk DUELRES#<duelId>
 * G7. a member's mistakes book       pk USER#<userId>           sk MISTAKE#<bankId>#<questionId>  (all: begins_with MISTAKE#)
 * G8. a member's points of a period  pk USER#<userId>           sk RANKPTS#<period>; rankings without a scan:
 *                                    gsi1 RANK#<branchId>#<period>, gsi2 RANK#<institutionId>#<period>, gsi3 RANK#<bureauId>#<period>,
 *                                    each sorted by the zero-padded points (Query descending, Limit N)
 * G9. a member's favourite lessons   pk USER#<userId>           sk FAV#<lessonId>  (all: begins_with FAV#)
 * Organisations and people (numbered O1…; orgs and roster entries also use 1–6 above)
 * O1. orgs in a subtree              gsi2 ORGS                  <path>                  (begins_with path)
 * O2. an org's history               pk ORG#<id>                sk HIST#<at>#<n>
 * O3. roster entries in a subtree    gsi2 ROSTER                <orgPath><name>#<id>    (begins_with path)
 * O4. member id by phone             pk PHONE#<phone>           sk PHONE                 (one entry per person)
 * O5. a member's records             pk USER#<id>               sk REC#<at>#<n>          (join, leave, transfer, edit)
 * O6. attendees of a party org       pk ORG#<orgId>             sk ATTENDEE#<memberId>   (一方隶属、参加多重组织生活)
 * O7. gap state (deadline, status)   pk GAP#<gapId>             sk GAP; gsi2 GAPS <institutionPath><kind>
 * Organisation life and monthly reports (numbered L1…)
 * L1. party orgs by path             O1 (gsi2 ORGS <path>), filtered to Party orgs (one gsi2 key per org item)
 * L2. meeting by id                  pk MEETING#<id>            sk MEETING
 * L3. a party org's meetings by time gsi1 OL_MEETINGS#<orgId>   <heldAt>#<id>
 * L4. per-period aggregate of a party org  pk OLAGG#<orgId>    sk <window: M2026-11 | Q2026-4 | Y2026>
 * L5. a window's aggregates by path  gsi2 OLAGG#<window>        <orgPath>                  (begins_with orgPath)
 * L6. members attached to a party org  pk OLORG#<orgId>         sk ATTACHED#<userId>
 * L7. party orgs a member is attached to  gsi1 OL_ATTACHED#<userId>  <orgId>
 * L8. org-life rules of a province   pk OLRULES#<provinceId>    sk OLRULES
 * L9. monthly report head            pk REPORT#<orgId>          sk <month>                 (status, version, sections)
 * L10. a submitted report version    pk REPORT#<orgId>          sk <month>#V<version, 3 digits>
 * L11. task by id                    pk OLTASK#<id>             sk OLTASK; gsi1 OLTASKS_BY#<ownerOrgId>  <deadline>#<id>
 * L12. a task's progress of a child  pk OLTASK#<id>             sk PROG#<orgId>; gsi1 OLTASKS_FOR#<orgId>  <deadline>#<taskId>
 * Pioneer posts 亮身份·亮承诺·亮岗牌 (numbered P1…)
 * P1. pioneer card by id            pk PPOST#<id>              sk PPOST
 * P2. a member's card (pointer)     pk USER#<userId>           sk PPOST                  (one card per member)
 * P3. cards in an org subtree       gsi2 PPOSTS                <member's orgPath><id>     (begins_with orgPath; every status)
 * P4. approved cards of an institution  gsi1 PPOSTS_AT#<institutionId>  <approvedAt>#<id>  (sparse: approved only)
 * Service records 我为群众办实事 (numbered V1…)
 * V1. service project by id         pk SVCPROJ#<id>            sk SVCPROJ
 * V2. projects in an org subtree    gsi2 SVCPROJS              <orgPath><createdAt>#<id>  (begins_with orgPath)
 * V3. an institution's month        pk SVCOUT#<institutionId>  sk <month>
 * V4. a month's outcomes by path    gsi2 SVCOUT#<month>        <institutionPath>          (begins_with orgPath)
 * Tally runs (numbered T1…)
 * T1. tally run by id                pk TALLYRUN#<runId>        sk TALLYRUN              (TTL: kept 30 days)
 * T2. a campaign's running tally     pk TALLY#<campaignId>      sk RUN   (lease: one run at a time per campaign)
 * Self-inspection 自查事项报告表 (numbered I1…)
 * I1. form by id                     pk INSPECT#<id>            sk FORM; gsi2 INSPECTS  <orgPath><createdAt>#<id>  (forms an admin answers for: begins_with orgPath)
 * I2. a person asked to file         pk INSPECT#<formId>        sk ASK#<userId>  (unit, filedAt); gsi1 INSPECTS_FOR#<userId>  <createdAt>#<formId>
 * I3. a filed report (answers)       pk INSPECT#<formId>        sk FILED#<userId>
 * I4. an admin's view of answers     pk INSPECT#<formId>        sk VIEW#<at>#<requestId>   (audit)
 * Talks 谈心谈话 (numbered K1…)
 * K1. round by id                    pk TALKROUND#<id>          sk ROUND; gsi2 TALKROUNDS  <orgPath><createdAt>#<id>  (begins_with orgPath)
 * K2. a person to be talked with     pk TALKROUND#<roundId>     sk PERSON#<userId>  (unit, talk count, kinds held)
 * K3. a talk record                  pk TALKROUND#<roundId>     sk TALK#<heldAt>#<talkId>
 * K4. an admin's view of talk records  pk TALKROUND#<roundId>   sk VIEW#<at>#<requestId>   (audit)
 * Remediation ledger (numbered R1…; items themselves are 19 and 22)
 * R1. an evidence upload of an item  pk ITEM#<itemId>           sk EVIDENCE#<evidenceId>  (declared name, type, size; object key)
 * Tally lessons (continuing T…)
 * T3. what the tally learned for a bureau  pk TALLY_LESSONS#<orgPath>  sk LESSON#<id>  (all: begins_with LESSON#)
 * PC console QR sign-in (numbered W1…)
 * W1. sign-in ticket of a PC       pk PCLOGIN#<ticket>        sk PCLOGIN   (TTL; used once, then deleted)
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
  tallyLesson: (orgPath: string, id: string): Key => ({ pk: `TALLY_LESSONS#${orgPath}`, sk: `LESSON#${id}` }),
  tallyLessonsPrefix: (orgPath: string) => ({ pk: `TALLY_LESSONS#${orgPath}`, skPrefix: 'LESSON#' }),
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

  note: (userId: string, noteId: string): Key => ({ pk: `USER#${userId}`, sk: `NOTE#${noteId}` }),
  inbox: (userId: string) => ({ gsi1pk: `INBOX#${userId}` }),
  inboxSort: (createdAt: string, noteId: string) => ({ gsi1sk: `${createdAt}#${noteId}` }),
  notifyDue: (sendAfter: string, userId: string, noteId: string) => ({ gsi3pk: 'NOTIFY_DUE', gsi3sk: `${sendAfter}#${userId}#${noteId}` }),
  notifyDuePartition: () => ({ gsi3pk: 'NOTIFY_DUE' }),
  notifyIssue: (at: string, userId: string, noteId: string) => ({ gsi2pk: 'NOTIFY_ISSUES', gsi2sk: `${at}#${userId}#${noteId}` }),
  notifyIssuesPartition: () => ({ gsi2pk: 'NOTIFY_ISSUES' }),
  unreadCounter: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'NOTE_UNREAD' }),
  notifySettings: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'NOTIFY_SETTINGS' }),
  notifyCap: (userId: string, day: string, kind: string): Key => ({ pk: `USER#${userId}`, sk: `NOTIFY_CAP#${day}#${kind}` }),
  wechatToken: (): Key => ({ pk: 'WECHAT_TOKEN', sk: 'TOKEN' }),
  submitter: (suggestionId: string): Key => ({ pk: `SUGG#${suggestionId}`, sk: 'SUBMITTER' }),
  mySuggestion: (openid: string, createdAt: string, suggestionId: string): Key => ({ pk: `MYSUGG#${openid}`, sk: `${createdAt}#${suggestionId}` }),
  mySuggestionsOf: (openid: string) => ({ pk: `MYSUGG#${openid}` }),
  notifyScan: (eventKey: string): Key => ({ pk: `NOTIFY_SCAN#${eventKey}`, sk: 'SCAN' }),
  gameStats: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'GAMES' }),
  dailySet: (userId: string, day: string): Key => ({ pk: `USER#${userId}`, sk: `DAILY#${day}` }),
  challengeRun: (id: string): Key => ({ pk: `CHALRUN#${id}`, sk: 'CHALRUN' }),
  branchChallengeBest: (branchId: string): Key => ({ pk: `CHALBEST#${branchId}`, sk: 'BEST' }),
  duel: (id: string): Key => ({ pk: `DUEL#${id}`, sk: 'DUEL' }),
  duelsOpen: (branchId: string) => ({ gsi1pk: `DUELS_OPEN#${branchId}` }),
  duelOpenSort: (createdAt: string, id: string) => ({ gsi1sk: `${createdAt}#${id}` }),
  duelResult: (userId: string, duelId: string): Key => ({ pk: `USER#${userId}`, sk: `DUELRES#${duelId}` }),
  mistake: (userId: string, bankId: string, questionId: string): Key => ({ pk: `USER#${userId}`, sk: `MISTAKE#${bankId}#${questionId}` }),
  mistakesPrefix: (userId: string) => ({ pk: `USER#${userId}`, skPrefix: 'MISTAKE#' }),
  periodPoints: (userId: string, period: string): Key => ({ pk: `USER#${userId}`, sk: `RANKPTS#${period}` }),
  rankPartition: (orgId: string, period: string) => `RANK#${orgId}#${period}`,
  favourite: (userId: string, lessonId: string): Key => ({ pk: `USER#${userId}`, sk: `FAV#${lessonId}` }),
  favouritesPrefix: (userId: string) => ({ pk: `USER#${userId}`, skPrefix: 'FAV#' }),
  orgsInTree: () => ({ gsi2pk: 'ORGS' }),
  orgTreeSort: (path: string) => ({ gsi2sk: path }),
  orgHistory: (id: string, at: string, n: number): Key => ({ pk: `ORG#${id}`, sk: `HIST#${at}#${String(n).padStart(3, '0')}` }),
  orgHistoryPrefix: (id: string) => ({ pk: `ORG#${id}`, skPrefix: 'HIST#' }),
  rosterInTree: () => ({ gsi2pk: 'ROSTER' }),
  rosterTreeSort: (orgPath: string, name: string, id: string) => ({ gsi2sk: `${orgPath}${name}#${id}` }),
  phone: (phone: string): Key => ({ pk: `PHONE#${phone}`, sk: 'PHONE' }),
  memberRecord: (userId: string, at: string, n: number): Key => ({ pk: `USER#${userId}`, sk: `REC#${at}#${String(n).padStart(3, '0')}` }),
  memberRecordPrefix: (userId: string) => ({ pk: `USER#${userId}`, skPrefix: 'REC#' }),
  attendee: (orgId: string, memberId: string): Key => ({ pk: `ORG#${orgId}`, sk: `ATTENDEE#${memberId}` }),
  attendeePrefix: (orgId: string) => ({ pk: `ORG#${orgId}`, skPrefix: 'ATTENDEE#' }),
  gapState: (gapId: string): Key => ({ pk: `GAP#${gapId}`, sk: 'GAP' }),
  gapsInTree: () => ({ gsi2pk: 'GAPS' }),
  gapTreeSort: (path: string, kind: string) => ({ gsi2sk: `${path}${kind}` }),
  meeting: (id: string): Key => ({ pk: `MEETING#${id}`, sk: 'MEETING' }),
  orgMeetings: (orgId: string) => ({ gsi1pk: `OL_MEETINGS#${orgId}` }),
  orgMeetingSort: (heldAt: string, id: string) => ({ gsi1sk: `${heldAt}#${id}` }),
  orgLifeAggregate: (orgId: string, window: string): Key => ({ pk: `OLAGG#${orgId}`, sk: window }),
  aggregatesOfWindow: (window: string) => ({ gsi2pk: `OLAGG#${window}` }),
  attachedMember: (orgId: string, userId: string): Key => ({ pk: `OLORG#${orgId}`, sk: `ATTACHED#${userId}` }),
  attachedPrefix: (orgId: string) => ({ pk: `OLORG#${orgId}`, skPrefix: 'ATTACHED#' }),
  attachmentsOf: (userId: string) => ({ gsi1pk: `OL_ATTACHED#${userId}` }),
  orgLifeRules: (provinceId: string): Key => ({ pk: `OLRULES#${provinceId}`, sk: 'OLRULES' }),
  reportHead: (orgId: string, month: string): Key => ({ pk: `REPORT#${orgId}`, sk: month }),
  reportVersion: (orgId: string, month: string, version: number): Key => ({ pk: `REPORT#${orgId}`, sk: `${month}#V${String(version).padStart(3, '0')}` }),
  orgTask: (id: string): Key => ({ pk: `OLTASK#${id}`, sk: 'OLTASK' }),
  tasksBy: (ownerOrgId: string) => ({ gsi1pk: `OLTASKS_BY#${ownerOrgId}` }),
  taskProgress: (taskId: string, orgId: string): Key => ({ pk: `OLTASK#${taskId}`, sk: `PROG#${orgId}` }),
  tasksFor: (orgId: string) => ({ gsi1pk: `OLTASKS_FOR#${orgId}` }),
  taskSort: (deadline: string, taskId: string) => ({ gsi1sk: `${deadline}#${taskId}` }),

  inspectForm: (id: string): Key => ({ pk: `INSPECT#${id}`, sk: 'FORM' }),
  inspectFormsInOrg: () => ({ gsi2pk: 'INSPECTS' }),
  inspectFormOrgSort: (orgPath: string, createdAt: string, id: string) => ({ gsi2sk: `${orgPath}${createdAt}#${id}` }),
  inspectAsked: (formId: string, userId: string): Key => ({ pk: `INSPECT#${formId}`, sk: `ASK#${userId}` }),
  inspectAskedPrefix: (formId: string) => ({ pk: `INSPECT#${formId}`, skPrefix: 'ASK#' }),
  inspectsFor: (userId: string) => ({ gsi1pk: `INSPECTS_FOR#${userId}` }),
  inspectForSort: (createdAt: string, formId: string) => ({ gsi1sk: `${createdAt}#${formId}` }),
  inspectFiled: (formId: string, userId: string): Key => ({ pk: `INSPECT#${formId}`, sk: `FILED#${userId}` }),
  inspectFiledPrefix: (formId: string) => ({ pk: `INSPECT#${formId}`, skPrefix: 'FILED#' }),
  inspectView: (formId: string, at: string, requestId: string): Key => ({ pk: `INSPECT#${formId}`, sk: `VIEW#${at}#${requestId}` }),
  inspectViewPrefix: (formId: string) => ({ pk: `INSPECT#${formId}`, skPrefix: 'VIEW#' }),
  talkRound: (id: string): Key => ({ pk: `TALKROUND#${id}`, sk: 'ROUND' }),
  talkRoundsInOrg: () => ({ gsi2pk: 'TALKROUNDS' }),
  talkRoundOrgSort: (orgPath: string, createdAt: string, id: string) => ({ gsi2sk: `${orgPath}${createdAt}#${id}` }),
  talkPerson: (roundId: string, userId: string): Key => ({ pk: `TALKROUND#${roundId}`, sk: `PERSON#${userId}` }),
  talkPersonPrefix: (roundId: string) => ({ pk: `TALKROUND#${roundId}`, skPrefix: 'PERSON#' }),
  talkRecord: (roundId: string, heldAt: string, talkId: string): Key => ({ pk: `TALKROUND#${roundId}`, sk: `TALK#${heldAt}#${talkId}` }),
  talkRecordPrefix: (roundId: string) => ({ pk: `TALKROUND#${roundId}`, skPrefix: 'TALK#' }),
  talkView: (roundId: string, at: string, requestId: string): Key => ({ pk: `TALKROUND#${roundId}`, sk: `VIEW#${at}#${requestId}` }),
  talkViewPrefix: (roundId: string) => ({ pk: `TALKROUND#${roundId}`, skPrefix: 'VIEW#' }),
  itemEvidence: (itemId: string, evidenceId: string): Key => ({ pk: `ITEM#${itemId}`, sk: `EVIDENCE#${evidenceId}` }),
  pioneerPost: (id: string): Key => ({ pk: `PPOST#${id}`, sk: 'PPOST' }),
  memberPost: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'PPOST' }),
  postsInTree: () => ({ gsi2pk: 'PPOSTS' }),
  postTreeSort: (orgPath: string, id: string) => ({ gsi2sk: `${orgPath}${id}` }),
  postsAt: (institutionId: string) => ({ gsi1pk: `PPOSTS_AT#${institutionId}` }),
  postAtSort: (approvedAt: string, id: string) => ({ gsi1sk: `${approvedAt}#${id}` }),
  serviceProject: (id: string): Key => ({ pk: `SVCPROJ#${id}`, sk: 'SVCPROJ' }),
  projectsInTree: () => ({ gsi2pk: 'SVCPROJS' }),
  projectTreeSort: (orgPath: string, createdAt: string, id: string) => ({ gsi2sk: `${orgPath}${createdAt}#${id}` }),
  serviceOutcome: (institutionId: string, month: string): Key => ({ pk: `SVCOUT#${institutionId}`, sk: month }),
  outcomesOfMonth: (month: string) => ({ gsi2pk: `SVCOUT#${month}` }),
  outcomeTreeSort: (institutionPath: string) => ({ gsi2sk: institutionPath }),
  pcLogin: (ticket: string): Key => ({ pk: `PCLOGIN#${ticket}`, sk: 'PCLOGIN' }),
} as const;

/** Epoch seconds `seconds` from `now`: the value of the TTL attribute. */
export function ttlIn(seconds: number, now = Date.now()): number {
  return Math.floor(now / 1000) + seconds;
}
