// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test -p smsadmin-engine bindings`.
// Do not edit: change the Rust type and regenerate.

export type ConnectionId = string;

export type UserId = string;

export type SmsNumberId = string;

export type OrgId = string;

export type DraftId = number;

export type DidId = string;

export type ServiceId = string;

export type WorkspaceId = string;

export type FieldProblem = { field: FieldKey, message: string, };

export type Package = { "kind": "essentials" } | { "kind": "pro" } | { "kind": "other", "id": number };

export type SmsMode = { "kind": "off" } | { "kind": "sipSimple" } | { "kind": "api" } | { "kind": "integrations" } | { "kind": "other", "value": number };

export type ThinqSettingsInput = { accountId: string, username: string, token: string | null, };

export type KeychainProblem = "noSessionBus" | "noSecretService" | "locked" | "noAnswer" | "unsupported" | "failed";

export type SecretLocation = "keychain" | "session" | "missing";

export type SetAside = { reason: SetAsideReason, keptAt: string, };

export type SetAsideReason = { "kind": "corrupt", detail: string, } | { "kind": "newerVersion", found: number, supported: number, };

export type Problem = { code: ProblemCode, message: string, 
/**
 * The form field at fault, when there is one.
 */
field: FieldKey | null, 
/**
 * What to do about it, when `message` does not say so itself ([`next_step`]).
 */
nextStep: string | null, 
/**
 * Whether doing the same again unchanged may succeed: the notice offers Try again.
 */
retry: boolean, };

export type ProblemCode = "invalid" | "unauthorized" | "forbidden" | "notFound" | "unreachable" | "remote" | "keychainUnavailable" | "storage" | "internal";

export type SecretPersistence = "keychain" | "session";

export type SecretState = { "state": "stored", location: SecretLocation, } | { "state": "unavailable", message: string, };

export type StartupReport = { dataDir: string, 
/**
 * A damaged or too-new database that was kept aside, and the sentence telling the user.
 */
setAside: SetAside | null, setAsideMessage: string | null, sandboxRunning: boolean, 
/**
 * Where the window's log goes (filled in by the window, which chose it); support asks for
 * this file.
 */
logFile: string | null, };

export type WorkspaceView = { id: WorkspaceId, name: string, 
/**
 * The built-in simulated Ringotel + thinQ; labelled as such everywhere.
 */
simulated: boolean, baseUrl: string | null, 
/**
 * The account's own thinQ API address; `None`: thinQ's public one (or the Sandbox's).
 */
thinqBaseUrl: string | null, active: boolean, 
/**
 * Where the API key is; `None` for the Sandbox, which needs none.
 */
apiKey: SecretState | null, };

export type WorkspaceList = { workspaces: Array<WorkspaceView>, defaultBaseUrl: string, 
/**
 * thinQ's public API address, used when an account names no other.
 */
defaultThinqBaseUrl: string, };

export type NewWorkspaceInput = { name: string, baseUrl: string, 
/**
 * Where the account's thinQ API lives; empty for thinQ's public address.
 */
thinqBaseUrl: string, apiKey: string, };

export type KeySaveOutcome = { "outcome": "saved", workspace: WorkspaceView, } | { "outcome": "invalid", problems: Array<FieldProblem>, } | { "outcome": "keychainUnavailable", problem: KeychainProblem, message: string, };

export type ReplaceKeyInput = { workspaceId: WorkspaceId, apiKey: string, };

export type RingotelTestInput = { baseUrl: string, 
/**
 * Absent: use the key stored for `workspace_id`.
 */
apiKey: string | null, workspaceId: WorkspaceId | null, };

export type RingotelTestOutcome = { "outcome": "passed", organizations: number, } | { "outcome": "keyHeldBack", savedAddress: string, newAddress: string, } | { "outcome": "rejected", field: FieldKey, message: string, } | { "outcome": "unreachable", message: string, } | { "outcome": "invalid", problems: Array<FieldProblem>, };

export type OrganizationRow = { id: string, name: string, domain: string, package: Package | null, packageLabel: string, smsIntegrationsAllowed: boolean, 
/**
 * The last readiness run's counts, when one ran in this workspace.
 */
readiness: ReadinessSummary | null, 
/**
 * Moving to Pro waits in the draft.
 */
proDrafted: boolean, };

export type OrganizationList = { organizations: Array<OrganizationRow>, 
/**
 * The readiness states the list can be filtered by, in order, with their words.
 */
readinessStates: Array<ReadinessStateChoice>, fetchedAt: number, offline: OfflineNote | null, simulated: boolean, };

export type ConnectionRow = { id: string, name: string, country: string, smsMode: SmsMode | null, smsModeLabel: string, 
/**
 * Whether the connection has "SMS via Integrations" (what thinQ numbers need).
 */
smsReady: boolean, 
/**
 * Switching it to "SMS via Integrations" waits in the draft.
 */
switchDrafted: boolean, userCount: number, };

export type OrganizationDetail = { organization: OrganizationRow, connections: Array<ConnectionRow>, userCount: number, fetchedAt: number, offline: OfflineNote | null, simulated: boolean, };

export type SandboxThinqHint = { accountId: string, username: string, token: string, 
/**
 * The webhook URL the simulated portal's thinQ card shows, to paste.
 */
portalWebhookUrl: string, };

export type IntegrationCard = { id: string, name: string, enabled: boolean, };

export type ThinqIntegrationView = { orgId: OrgId, orgName: string, 
/**
 * SMS integrations need the Pro package; when they are unavailable, this says why.
 */
unavailableReason: string | null, 
/**
 * The thinQ card's id in Ringotel, when the organization has one.
 */
serviceId: string | null, enabled: boolean, webhookUrl: string | null, 
/**
 * Why Ringotel's webhook URL cannot be shown; the admin may paste it.
 */
webhookProblem: string | null, 
/**
 * Ringotel did not report a usable webhook URL, so the field takes a pasted one.
 */
webhookEditable: boolean, 
/**
 * The URL shown is the one the admin pasted.
 */
webhookPasted: boolean, accountId: string | null, username: string | null, savedAt: number | null, token: SecretState, sandboxAccount: SandboxThinqHint | null, otherCards: Array<IntegrationCard>, fetchedAt: number, 
/**
 * Set when Ringotel could not be reached and this is the saved copy.
 */
offline: OfflineNote | null, simulated: boolean, };

export type ThinqTestOutcome = { "outcome": "passed", balance: number | null, } | { "outcome": "rejected", field: FieldKey, message: string, hint: string | null, } | { "outcome": "unreachable", message: string, } | { "outcome": "invalid", problems: Array<FieldProblem>, };

export type SaveThinqOutcome = { "outcome": "saved", integration: ThinqIntegrationView, 
/**
 * What reading back settled, when Ringotel's own answer was lost.
 */
note: string | null, } | { "outcome": "savedNotApplied", integration: ThinqIntegrationView, message: string, portalSteps: Array<string>, } | { "outcome": "invalid", problems: Array<FieldProblem>, } | { "outcome": "keychainUnavailable", problem: KeychainProblem, message: string, };

export type PasteWebhookOutcome = { "outcome": "saved", integration: ThinqIntegrationView, } | { "outcome": "invalid", problem: FieldProblem, };

export type FieldKey = "name" | "baseUrl" | "apiKey" | "thinqBaseUrl" | "webhookUrl" | "accountId" | "username" | "token" | "country" | "number" | "displayName" | "users" | "stickiness" | "optOutKeyword" | "optOutReply" | "autoReplies" | "customer" | "replyWait" | "draftFile" | "connection" | "package" | "readinessFix";

export type InboundFormat = "" | "e164" | "national" | "national0";

export type OutboundFormat = "" | "e164" | "national" | "international";

export type StickinessUnit = "minutes" | "hours" | "days";

export type StickinessInput = { "kind": "preset", seconds: number, } | { "kind": "custom", amount: string, unit: StickinessUnit, };

export type AutoReply = { key: string, value: string, };

export type SmsNumberInput = { country: string, number: string, name: string, users: Array<string>, stickiness: StickinessInput, inboundFormat: InboundFormat, outboundFormat: OutboundFormat, sendName: boolean, optOutKeyword: string, optOutReply: string, autoReplies: Array<AutoReply>, };

export type SmsField = "number" | "name" | "service" | "users" | "country" | "inboundFormat" | "outboundFormat" | "stickiness" | "sendName" | "optOut" | "autoReplies";

export type CountryOption = { code: string, callingCode: number, };

export type Choice<T> = { value: T, label: string, };

export type FormatExample = { inboundReceived: string, inboundShown: string, outboundTyped: string, outboundSent: string, 
/**
 * Whether a reply to the inbound sender lands in the same chat: the two renderings agree.
 */
sameChat: boolean, };

export type Freshness = "live" | "saved";

export type OfflineNote = { 
/**
 * What failed, in the admin's terms.
 */
reason: string, 
/**
 * What to do about it ([`next_step`]), when there is more to do than Refresh later.
 */
nextStep: string | null, };

export type NumberKey = { "kind": "existing", trunkId: SmsNumberId, } | { "kind": "new", draftId: DraftId, };

export type NumberStatus = "synced" | "new" | "changed" | "deleted" | "conflict" | "failed";

export type UserRef = { id: UserId, 
/**
 * "Ava Kowalski (101)", or "Unknown user …" when the organization no longer has it
 * (see [`user_label`]).
 */
label: string, };

export type NumberRow = { key: NumberKey, status: NumberStatus, statusLabel: string, 
/**
 * Fields changed both here and in Ringotel since the draft began, and their names (or
 * what else waits for the admin).
 */
conflicts: Array<SmsField>, conflictLabels: Array<string>, 
/**
 * Why the last sync of this change failed.
 */
failure: string | null, 
/**
 * As Ringotel stores it (E.164 digits without '+').
 */
number: string, formatted: string, name: string, users: Array<UserRef>, stickiness: string, inbound: string, outbound: string, };

export type NumbersView = { rows: Array<NumberRow>, fetchedAt: number, offline: OfflineNote | null, simulated: boolean, 
/**
 * How many numbers the draft changes.
 */
drafted: number, };

export type PickUser = { id: UserId, name: string, extension: string, };

export type EditorConnection = { id: ConnectionId, name: string, country: string, smsViaIntegrations: boolean, users: Array<PickUser>, };

export type NumberEditor = { 
/**
 * The number being edited, or `None` for a new one.
 */
editing: NumberKey | null, values: SmsNumberInput, 
/**
 * Things about the stored number the admin should know before saving.
 */
notes: Array<string>, connections: Array<EditorConnection>, 
/**
 * The first connection with SMS via Integrations, else the first.
 */
defaultConnection: ConnectionId | null, countries: Array<CountryOption>, stickinessPresets: Array<Choice<number>>, stickinessUnits: Array<Choice<StickinessUnit>>, inboundFormats: Array<Choice<InboundFormat>>, outboundFormats: Array<Choice<OutboundFormat>>, 
/**
 * The integration new numbers go through; `None` when the organization has no thinQ card.
 */
service: string | null, };

export type NumberPreview = { 
/**
 * E.164 digits without '+', as Ringotel stores it.
 */
wire: string, national: string, international: string, };

export type NumberCheck = { "kind": "valid", preview: NumberPreview, } | { "kind": "invalid", problem: FieldProblem, };

export type SaveNumberOutcome = { "kind": "saved", key: NumberKey, view: NumbersView, } | { "kind": "invalid", problems: Array<FieldProblem>, };

export type ThinqDid = { 
/**
 * As Ringotel stores numbers (E.164 digits without '+').
 */
number: string, formatted: string, 
/**
 * Whether SMS is on for it in thinQ; `None` when thinQ did not say.
 */
sms: boolean | null, 
/**
 * Already an SMS number of this organization, in Ringotel or in the draft.
 */
taken: boolean, };

export type ThinqDidsView = { accountId: string, dids: Array<ThinqDid>, 
/**
 * DIDs thinQ listed that are no valid phone number, left out.
 */
unreadable: number, fetchedAt: number, };

export type ImportDidsInput = { numbers: Array<string>, users: Array<string>, stickiness: StickinessInput, inboundFormat: InboundFormat, outboundFormat: OutboundFormat, };

export type ImportDidsOutcome = { "kind": "imported", added: number, 
/**
 * Numbers left out because the organization already has them.
 */
skipped: Array<string>, view: NumbersView, } | { "kind": "invalid", problems: Array<FieldProblem>, };

export type DraftTransfer = { "kind": "exported", changes: number, path: string, } | { "kind": "imported", changes: number, path: string, } | { "kind": "refused", problem: FieldProblem, };

export type SyncAction = "create" | "update" | "delete";

export type JournalState = "sending" | "done" | "failed" | "interrupted";

export type Side = "mine" | "theirs";

export type FieldChange = { field: SmsField, label: string, 
/**
 * `None`: the number does not exist yet.
 */
before: string | null, 
/**
 * `None`: the number will be deleted.
 */
after: string | null, };

export type ConflictField = { field: SmsField, label: string, base: string | null, 
/**
 * `None`: the draft deletes the number.
 */
mine: string | null, 
/**
 * `None`: Ringotel no longer has the number.
 */
theirs: string | null, };

export type BlockerKind = "fields" | "goneFromRingotel" | "alreadyInRingotel" | "unreadable";

export type BlockerView = { kind: BlockerKind, message: string, fields: Array<ConflictField>, 
/**
 * Whether the admin can resolve it field by field (else only as a whole).
 */
perField: boolean, resolvable: boolean, };

export type ChangeItem = { draftId: DraftId, number: string, name: string, 
/**
 * What Sync will send; `None` when Ringotel already holds the drafted state.
 */
action: SyncAction | null, actionLabel: string, changes: Array<FieldChange>, blocker: BlockerView | null, 
/**
 * The last sync's failure for this change, in the admin's words.
 */
lastFailure: string | null, };

export type ChangesView = { items: Array<ChangeItem>, 
/**
 * Drafted setup changes (connections, package, the thinQ side), sent before the numbers.
 */
setup: Array<SetupItem>, 
/**
 * When Ringotel's numbers compared here were fetched.
 */
fetchedAt: number, offline: OfflineNote | null, 
/**
 * Changes waiting for a decision; while any remains, Sync sends nothing.
 */
blocked: number, 
/**
 * Changes Sync would send, setup changes included.
 */
ready: number, 
/**
 * Drafted changes of either kind: the draft is empty when there are none.
 */
drafted: number, 
/**
 * Sync may start: something is drafted and nothing waits for a decision.
 */
canSync: boolean, };

export type SyncProgress = { done: number, total: number, failed: number, };

export type SyncStatus = "finished" | "blocked";

export type SyncItemResult = { draftId: DraftId, number: string, action: SyncAction, actionLabel: string, state: JournalState, stateLabel: string, detail: string | null, };

export type SyncReport = { status: SyncStatus, items: Array<SyncItemResult>, 
/**
 * The setup changes sent before the numbers.
 */
setup: Array<SetupResult>, sent: number, 
/**
 * Changes of either kind that did not reach their end.
 */
failed: number, 
/**
 * The drafted number changes that failed, for "Retry failed".
 */
failedChanges: Array<DraftId>, 
/**
 * Users whose number assignments changed: they must sign in again, or use Reload Objects,
 * in their Ringotel app. "Name (extension)".
 */
relogin: Array<string>, 
/**
 * Changes a sync cut short earlier (the app stopped) that this one found made or finished.
 */
resumed: number, 
/**
 * The Changes tab after the sync; `None` when it could not be read again (the sync and
 * its outcomes stand: the tab reads it afresh).
 */
view: ChangesView | null, };

export type HistoryEntry = { id: number, 
/**
 * When the call was made (Unix milliseconds).
 */
at: number, action: SyncAction, actionLabel: string, number: string, 
/**
 * The fields an update set, named as the editor names them (none for an add or delete,
 * which concern the whole number).
 */
fields: Array<string>, state: JournalState, stateLabel: string, detail: string | null, };

export type SetupHistoryEntry = { id: number, at: number, 
/**
 * "thinQ · SMS feature".
 */
kindLabel: string, description: string, state: JournalState, stateLabel: string, detail: string | null, };

export type HistoryView = { entries: Array<HistoryEntry>, setup: Array<SetupHistoryEntry>, };

export type SetupKind = "connectionSmsMode" | "proPackage" | "thinqSmsOn" | "thinqInbound" | "thinqDeliveryUrl" | "optOutAdd" | "optOutRemove";

export type SetupService = "ringotel" | "thinq";

export type SetupItem = { draftId: DraftId, kind: SetupKind, kindLabel: string, service: SetupService, serviceLabel: string, description: string, 
/**
 * The last sync's failure for this change, in the admin's words.
 */
lastFailure: string | null, };

export type SetupResult = { draftId: DraftId, description: string, state: JournalState, stateLabel: string, detail: string | null, };

export type CheckId = "proPackage" | "connectionsSmsMode" | "integrationEnabled" | "thinqCredentials" | "didsSmsOn" | "inboundRouting" | "deliveryUrl" | "numbersUsers" | "consistentFormats";

export type CheckOutcome = "pass" | "fail" | "unknown";

export type Fix = { "kind": "moveToPro" } | { "kind": "switchConnections", connections: Array<ConnectionId>, } | { "kind": "openIntegrations" } | { "kind": "thinqSmsOn", dids: Array<DidId>, url?: string, } | { "kind": "thinqInbound", url: string, dids: Array<DidId>, } | { "kind": "thinqDeliveryUrl", url: string, } | { "kind": "removeMissingUsers", numbers: Array<NumberKey>, } | { "kind": "alignFormats", numbers: Array<NumberKey>, };

export type FixOffer = { fix: Fix, label: string, 
/**
 * The draft already holds this fix: it waits in Changes.
 */
drafted: boolean, 
/**
 * Changes what the organization pays: the admin confirms it explicitly.
 */
billable: boolean, 
/**
 * Goes into the draft (else it leads to another tab).
 */
drafts: boolean, 
/**
 * *Fix all* drafts it: it goes into the draft, costs nothing, and is not drafted yet.
 */
inFixAll: boolean, };

export type CheckResult = { id: CheckId, label: string, outcome: CheckOutcome, outcomeLabel: string, detail: string, 
/**
 * What is at fault, one line each.
 */
items: Array<string>, 
/**
 * When the facts behind this line were read (Unix ms).
 */
asOf: number, fix: FixOffer | null, };

export type ReadinessSummary = { passed: number, failed: number, unknown: number, checkedAt: number, 
/**
 * Where these counts leave the organization.
 */
state: ReadinessState, stateLabel: string, };

export type ReadinessReport = { checks: Array<CheckResult>, summary: ReadinessSummary, 
/**
 * When Ringotel's side was fetched.
 */
fetchedAt: number, 
/**
 * Set when Ringotel could not be reached and its part was checked on the saved copy.
 */
offline: OfflineNote | null, };

export type ReadinessProgress = { done: number, total: number, };

export type ReadinessState = "notReady" | "unknown" | "ready" | "notChecked";

export type ReadinessStateChoice = { state: ReadinessState, label: string, };

export type CheckAllProgress = { done: number, total: number, };

export type OrgReadiness = { org: string, name: string, state: ReadinessState, stateLabel: string, report: ReadinessReport | null, 
/**
 * Why it was not checked: Ringotel or thinQ failed for it.
 */
problem: Problem | null, };

export type CheckAllReport = { orgs: Array<OrgReadiness>, 
/**
 * Cancel stopped it: the organizations not started are not checked.
 */
cancelled: boolean, startedAt: number, finishedAt: number, };

export type OrgFixesDrafted = { org: string, name: string, 
/**
 * The fixes now in the draft, by their labels.
 */
drafted: Array<string>, 
/**
 * Why the rest could not be drafted.
 */
problem: Problem | null, };

export type ReportFormat = "csv" | "json";

export type OptOutStatus = "listed" | "draftAdd" | "draftRemove";

export type OptOutRow = { 
/**
 * As Ringotel stores numbers (E.164 digits without '+').
 */
customer: string, formatted: string, 
/**
 * The keyword they texted, where Ringotel says.
 */
keyword: string | null, status: OptOutStatus, statusLabel: string, 
/**
 * The drafted change, for discarding it.
 */
draftId: DraftId | null, };

export type OptOutView = { 
/**
 * The SMS number, as Ringotel stores it.
 */
number: string, formatted: string, name: string, rows: Array<OptOutRow>, 
/**
 * When Ringotel's list was read.
 */
readAt: number, };

export type TestMessageInput = { 
/**
 * One of the organization's SMS numbers on thinQ, as written anywhere.
 */
from: string, 
/**
 * The mobile phone that gets the text and replies, as written anywhere.
 */
to: string, 
/**
 * How long to watch Ringotel's chats for the reply (seconds, 1 to 900).
 */
waitReplySecs: number, };

export type Leg = "sent" | "delivered" | "reply";

export type LegState = "waiting" | "running" | "passed" | "failed" | "notReached" | "cancelled";

export type LegView = { leg: Leg, label: string, state: LegState, stateLabel: string, 
/**
 * What happened, in the admin's words.
 */
detail: string | null, 
/**
 * When it failed: what to check next.
 */
checkNext: string | null, 
/**
 * When it ended (Unix ms).
 */
at: number | null, };

export type TestMessageView = { from: string, to: string, legs: Array<LegView>, 
/**
 * thinQ's delivery statuses in the order they came.
 */
reports: Array<string>, 
/**
 * Every leg passed: texts flow both ways.
 */
passed: boolean, finished: boolean, startedAt: number, finishedAt: number | null, };

export type PastTest = { from: string, to: string, passed: boolean, 
/**
 * How it ended in a few words: both ways, or the leg that did not pass and how.
 */
resultLabel: string, 
/**
 * How each leg ended; empty when what was kept cannot be read.
 */
legs: Array<LegView>, startedAt: number, finishedAt: number, };

export type Sender = { 
/**
 * As Ringotel stores it.
 */
number: string, formatted: string, name: string, };

export type TestHistory = { 
/**
 * When texts last went both ways (the last test that passed ended).
 */
lastVerified: number | null, tests: Array<PastTest>, 
/**
 * The numbers a new test can be sent from, as last fetched.
 */
senders: Array<Sender>, };

export type Api = "ringotel" | "thinq";

export type AssumptionId = "thinqServiceId" | "webhookField" | "organizationShape" | "sessionTimeoutSeconds" | "optOutObject" | "nestedUpdates" | "integrationForm" | "formAnswer" | "ringotelRateLimit" | "formatRules" | "didSmsFlag" | "didRouting" | "didFeatureFlags" | "didIdType" | "didPageSize" | "didsNorthAmerican" | "orderKeepsUnnamed" | "deliveryUrlUnreadable" | "optOutList" | "chatsShape";

export type NoticeArea = "overview" | "integrations" | "numbers";

export type Verdict = "confirmed" | "contradicted" | "notSeenYet";

export type AssumptionStatus = { id: AssumptionId, api: Api, apiLabel: string, assumed: string, fallback: string, 
/**
 * How an answer shows which is true; empty when none can.
 */
evidence: string, verdict: Verdict, verdictLabel: string, 
/**
 * What the latest answer that said anything showed, in shape words.
 */
seen: string | null, 
/**
 * How many answers held it, and how many did not.
 */
held: number, contradicted: number, 
/**
 * When it was last seen (Unix ms).
 */
lastSeen: number | null, };

export type DiagnosticsView = { workspaceName: string, isSandbox: boolean, assumptions: Array<AssumptionStatus>, 
/**
 * How many methods' answers were recorded.
 */
methodsSeen: number, };

export type AssumptionNotice = { id: AssumptionId, text: string, };

export type ReportFile = { "outcome": "saved", path: string, } | { "outcome": "notWritten", message: string, };
