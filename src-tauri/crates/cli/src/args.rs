//! The command line: `sms-admin [--json] [--data-dir DIR] <command>`.

use crate::commands::doctor::DoctorArgs;
use crate::commands::sandbox::ServeArgs;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "sms-admin",
    version,
    about = "Ringotel SMS Admin, headless: workspaces, organizations, SMS numbers, drafts, sync and readiness",
    long_about = "Ringotel SMS Admin, headless. Shares its workspaces, drafts and keychain entries with the \
desktop app. Reads print a table, or JSON with --json. Exit codes: 0 done, 1 failed items or failed \
checks, 2 bad usage or bad input, 3 a service could not be reached, 4 a keychain problem."
)]
pub struct Cli {
    /// Print results as JSON (for scripts).
    #[arg(long, global = true)]
    pub json: bool,
    /// The data folder (default: $SMSADMIN_DATA_DIR, else the app's own folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Ringotel accounts (and the built-in Sandbox): list, add, use, remove.
    #[command(subcommand)]
    Workspace(WorkspaceCommand),
    /// The active workspace's organizations, with package and last readiness result.
    Orgs,
    /// An organization's connections and their SMS mode.
    Connections(OrgArg),
    /// An organization's users, by connection.
    Users(OrgArg),
    /// An organization's SMS numbers, with their draft status.
    Numbers(OrgArg),
    /// An organization's integrations; the thinQ card first.
    Integrations(OrgArg),
    /// The DIDs of the organization's thinQ account, with their SMS flag.
    Dids(OrgArg),
    /// Adds DIDs of the organization's thinQ account to the draft as new SMS numbers with shared
    /// settings, as the Numbers tab's Import from thinQ does.
    ImportDids(ImportDidsArgs),
    /// The draft as a file: export, or import (all or nothing).
    #[command(subcommand)]
    Draft(DraftCommand),
    /// What `apply` would send: the Changes tab's plan, conflicts named.
    Plan(OrgArg),
    /// Sends the organization's draft (setup changes first, then numbers).
    Apply(OrgArg),
    /// The nine pre-flight checks on both sides; exit 1 when any fails.
    Readiness(ReadinessArgs),
    /// Saves the organization's thinQ Account ID, username and token (from a prompt or stdin)
    /// and enables the thinQ card in Ringotel, as the app's Save & Continue does.
    EnableThinq(EnableThinqArgs),
    /// Keeps the Ringotel webhook URL of the organization's thinQ card, copied from the Ringotel
    /// portal, for when Ringotel does not report it (readiness compares thinQ with it).
    Webhook(WebhookArgs),
    /// A number's opt-out list: the customers who texted its opt-out keyword; add and remove
    /// are drafted (`apply` sends them).
    #[command(subcommand)]
    Optout(OptOutCommand),
    /// Sends one real text from one of the organization's thinQ numbers to a phone, follows
    /// thinQ's delivery reports, then watches Ringotel's chats for the phone's reply; exit 1
    /// when a leg fails (each says what to check next). The carrier may charge for it.
    TestMessage(TestMessageArgs),
    /// What the answers so far showed about each assumption the app makes about the two
    /// services; `--report FILE` writes the shape report (keys and types, no values).
    Doctor(DoctorArgs),
    /// The simulated Ringotel and thinQ services.
    #[command(subcommand)]
    Sandbox(SandboxCommand),
    /// Prints a completion script for a shell (bash, zsh, fish, …).
    Completions { shell: clap_complete::Shell },
}

#[derive(Args)]
pub struct OrgArg {
    /// The organization: its id, or its name (or a part of it that names only one).
    #[arg(long, short)]
    pub org: String,
}

#[derive(Args)]
pub struct ReadinessArgs {
    /// The organization: its id, or its name (or a part of it that names only one).
    #[arg(long, short, required_unless_present = "all", conflicts_with = "all")]
    pub org: Option<String>,
    /// Every organization of the workspace, several at once; one line each (exit 1 when any
    /// fails).
    #[arg(long)]
    pub all: bool,
    /// Put every failing check's fix into the draft (`apply` sends them).
    #[arg(long)]
    pub fix: bool,
    /// With --fix: also draft fixes that change what the organization pays (moving to Pro).
    #[arg(long, requires = "fix")]
    pub confirm_billable: bool,
}

#[derive(Args)]
pub struct EnableThinqArgs {
    #[command(flatten)]
    pub org: OrgArg,
    /// The numeric thinQ Account ID (not the API username).
    #[arg(long)]
    pub account_id: String,
    /// The thinQ API username.
    #[arg(long)]
    pub username: String,
    /// Keep the token for this run only when no keychain is available.
    #[arg(long)]
    pub session_only: bool,
}

#[derive(Args)]
pub struct ImportDidsArgs {
    #[command(flatten)]
    pub org: OrgArg,
    /// The DIDs to add, as `sms-admin dids` lists them (any usual way of writing a number).
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub dids: Vec<String>,
    /// Every DID the organization does not have yet.
    #[arg(long)]
    pub all: bool,
    /// The users every number goes to: extensions or user ids, `,` between.
    #[arg(long, value_delimiter = ',', required = true)]
    pub users: Vec<String>,
    /// disabled, seconds, or 30m, 2h, 1d (default: the editor's for new numbers).
    #[arg(long)]
    pub stickiness: Option<String>,
    /// off, e164, national or national0 (default: the editor's for new numbers).
    #[arg(long)]
    pub inbound: Option<String>,
    /// off, e164, national or international (default: the editor's for new numbers).
    #[arg(long)]
    pub outbound: Option<String>,
}

#[derive(Args)]
pub struct WebhookArgs {
    #[command(flatten)]
    pub org: OrgArg,
    /// The URL as the portal's thinQ card shows it (https).
    #[arg(long)]
    pub webhook_url: String,
}

#[derive(Subcommand)]
pub enum WorkspaceCommand {
    List,
    /// Adds a Ringotel account and makes it active. The API key is read from a prompt, or
    /// from stdin when stdin is not a terminal; never from the command line.
    Add {
        #[arg(long)]
        name: String,
        /// The Ringotel server address, such as https://shell.ringotel.co.
        #[arg(long)]
        base_url: String,
        /// The account's thinQ API address (default: thinQ's public one).
        #[arg(long, default_value = "")]
        thinq_base_url: String,
        /// Keep the API key for this run only when no keychain is available.
        #[arg(long)]
        session_only: bool,
    },
    /// Gives a Ringotel account (by name or id) a new API key, read like `add` reads it, kept
    /// in the keychain; its drafts, saved copies and thinQ settings stay.
    ReplaceKey {
        workspace: String,
    },
    /// Makes a workspace (by name or id) the active one.
    Use {
        workspace: String,
    },
    /// Removes a Ringotel account and its stored API key.
    Remove {
        workspace: String,
    },
}

#[derive(Subcommand)]
pub enum DraftCommand {
    /// Writes the active workspace's draft to FILE (JSON, never with secrets).
    Export { file: PathBuf },
    /// Adds the changes in FILE to the draft, all or none: the app's JSON export, or a CSV of
    /// new numbers for --org with the columns number and users (extensions or ids, `;`
    /// between), and optionally name, stickiness (disabled, seconds, 30m, 2h, 1d), inbound,
    /// outbound and country (the editor's defaults when left out). UTF-8 or a Windows-1252
    /// export. Every bad row is named by its line in the file and its column.
    Import {
        file: PathBuf,
        /// The organization a CSV's numbers are for (a JSON export names its own).
        #[arg(long, short)]
        org: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum OptOutCommand {
    /// The customers on the number's opt-out list, with the draft's adds and removals.
    List {
        #[command(flatten)]
        number: OptOutNumber,
        /// Only customers whose number contains these digits.
        #[arg(long)]
        search: Option<String>,
    },
    /// Drafts putting a customer on the list (they asked for no more texts).
    Add {
        #[command(flatten)]
        number: OptOutNumber,
        /// The customer's number, as written anywhere (e.g. "(619) 555-0188").
        #[arg(long)]
        customer: String,
    },
    /// Drafts taking a customer off the list (they asked to get texts again).
    Remove {
        #[command(flatten)]
        number: OptOutNumber,
        #[arg(long)]
        customer: String,
    },
}

#[derive(Args)]
pub struct TestMessageArgs {
    #[command(flatten)]
    pub org: OrgArg,
    /// The organization's SMS number on thinQ that sends, as written anywhere.
    #[arg(long)]
    pub from: String,
    /// The mobile phone that gets the text and replies to it.
    #[arg(long)]
    pub to: String,
    /// How long to watch Ringotel's chats for the reply, in seconds (1 to 900).
    #[arg(long, default_value_t = 120)]
    pub wait_reply: u32,
}

/// Which SMS number's list.
#[derive(Args)]
pub struct OptOutNumber {
    #[command(flatten)]
    pub org: OrgArg,
    /// The SMS number, as written anywhere.
    #[arg(long, short)]
    pub number: String,
}

#[derive(Subcommand)]
pub enum SandboxCommand {
    /// Serves both simulated APIs on loopback until Ctrl-C; prints one JSON line with their
    /// addresses and the demo credentials.
    Serve(ServeArgs),
}
