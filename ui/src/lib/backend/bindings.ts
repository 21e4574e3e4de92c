// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test -p smsadmin-engine bindings`.
// Do not edit: change the Rust type and regenerate.

export type FieldProblem = { 
/**
 * The form field's key, as the UI names it (`accountId`, `username`, `token`, `baseUrl`, ...).
 */
field: string, message: string, };

export type Package = { "kind": "essentials" } | { "kind": "pro" } | { "kind": "other", "id": number };

export type SmsMode = { "kind": "off" } | { "kind": "sipSimple" } | { "kind": "api" } | { "kind": "integrations" } | { "kind": "other", "value": number };

export type ThinqSettingsInput = { accountId: string, username: string, token: string | null, };

export type KeychainProblem = "noSessionBus" | "noSecretService" | "locked" | "unsupported" | "failed";

export type SecretLocation = "keychain" | "session" | "missing";

export type SetAside = { reason: SetAsideReason, keptAt: string, };

export type SetAsideReason = { "kind": "corrupt", detail: string, } | { "kind": "newerVersion", found: number, supported: number, };

export type Problem = { code: ProblemCode, message: string, 
/**
 * The form field at fault, when there is one.
 */
field: string | null, };

export type ProblemCode = "invalid" | "unauthorized" | "forbidden" | "notFound" | "unreachable" | "remote" | "keychainUnavailable" | "storage" | "internal";

export type SecretPersistence = "keychain" | "session";

export type SecretState = { "state": "stored", location: SecretLocation, } | { "state": "unavailable", message: string, };

export type StartupReport = { dataDir: string, 
/**
 * A damaged or too-new database that was kept aside, and the sentence telling the user.
 */
setAside: SetAside | null, setAsideMessage: string | null, sandboxRunning: boolean, };

export type WorkspaceView = { id: string, name: string, 
/**
 * The built-in simulated Ringotel + thinQ; labelled as such everywhere.
 */
simulated: boolean, baseUrl: string | null, active: boolean, 
/**
 * Where the API key is; `None` for the Sandbox, which needs none.
 */
apiKey: SecretState | null, };

export type WorkspaceList = { workspaces: Array<WorkspaceView>, defaultBaseUrl: string, };

export type NewWorkspaceInput = { name: string, baseUrl: string, apiKey: string, };

export type AddWorkspaceOutcome = { "outcome": "added", workspace: WorkspaceView, } | { "outcome": "invalid", problems: Array<FieldProblem>, } | { "outcome": "keychainUnavailable", problem: KeychainProblem, message: string, };

export type RingotelTestInput = { baseUrl: string, 
/**
 * Absent: use the key stored for `workspace_id`.
 */
apiKey: string | null, workspaceId: string | null, };

export type RingotelTestOutcome = { "outcome": "passed", organizations: number, } | { "outcome": "rejected", field: string, message: string, } | { "outcome": "unreachable", message: string, } | { "outcome": "invalid", problems: Array<FieldProblem>, };

export type OrganizationRow = { id: string, name: string, domain: string, package: Package | null, packageLabel: string, smsIntegrationsAllowed: boolean, };

export type OrganizationList = { organizations: Array<OrganizationRow>, fetchedAt: number, simulated: boolean, };

export type ConnectionRow = { id: string, name: string, country: string, smsMode: SmsMode | null, userCount: number, };

export type OrganizationDetail = { organization: OrganizationRow, connections: Array<ConnectionRow>, userCount: number, fetchedAt: number, simulated: boolean, };

export type SandboxThinqHint = { accountId: string, username: string, token: string, };

export type IntegrationCard = { id: string, name: string, enabled: boolean, };

export type ThinqIntegrationView = { orgId: string, orgName: string, 
/**
 * SMS integrations need the Pro package; when they are unavailable, this says why.
 */
unavailableReason: string | null, 
/**
 * The thinQ card's id in Ringotel, when the organization has one.
 */
serviceId: string | null, enabled: boolean, webhookUrl: string | null, 
/**
 * Why no usable webhook URL is shown.
 */
webhookProblem: string | null, accountId: string | null, username: string | null, savedAt: number | null, token: SecretState, sandboxAccount: SandboxThinqHint | null, otherCards: Array<IntegrationCard>, fetchedAt: number, simulated: boolean, };

export type ThinqTestOutcome = { "outcome": "passed", balance: number | null, } | { "outcome": "rejected", field: string, message: string, hint: string | null, } | { "outcome": "unreachable", message: string, } | { "outcome": "invalid", problems: Array<FieldProblem>, };

export type SaveThinqOutcome = { "outcome": "saved", integration: ThinqIntegrationView, } | { "outcome": "savedNotApplied", integration: ThinqIntegrationView, message: string, portalSteps: Array<string>, } | { "outcome": "invalid", problems: Array<FieldProblem>, } | { "outcome": "keychainUnavailable", problem: KeychainProblem, message: string, };

export type SmsNumberRow = { id: string, 
/**
 * As stored in Ringotel (E.164 digits without '+').
 */
number: string, formatted: string, name: string, 
/**
 * Assigned users as "Name (ext)"; ids no longer among the users show as "unknown user".
 */
users: Array<string>, 
/**
 * Session stickiness in seconds; 0 = disabled. [assumed] unit, see services.md.
 */
sessionTimeout: number | null, inboundFormat: string, outboundFormat: string, service: string, };

export type SmsNumberList = { numbers: Array<SmsNumberRow>, fetchedAt: number, simulated: boolean, };
