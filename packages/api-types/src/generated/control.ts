// Types of the reference server's control API.
// Generated from openapi/control/openapi.yaml by `pnpm generate`: do not edit by hand.

export interface paths {
    "/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the controls hold */
        get: operations["getControlStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the rules, in the order they are tried
         * @description The newest rule comes first; it is the first tried.
         */
        get: operations["listRules"];
        put?: never;
        /**
         * Add a rule
         * @description The new rule is tried before every older one. A rule with `respond.example` needs
         *     `match.operation`, and the example must exist in each form the rule can match (set
         *     `match.form` when only one form documents it).
         */
        post: operations["createRule"];
        /** Delete every rule */
        delete: operations["clearRules"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rule's id. */
                id: number;
            };
            cookie?: never;
        };
        /** One rule */
        get: operations["getRule"];
        put?: never;
        post?: never;
        /** Delete one rule */
        delete: operations["deleteRule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/journal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the journal
         * @description The requests the server received (except those of the control API, `/healthz`, `/docs` and
         *     `/openapi.json`), oldest first: the last `limit` entries that pass every filter. The journal
         *     keeps the last `JOURNAL_SIZE` requests (default 100). Secrets are masked as `***`:
         *     `bk_app_secret`, `app_secret`, `bk_token`, `access_token`, `bk_signature`, `bk_ticket`, in
         *     the body, the query, `X-Bkapi-Authorization` and cookies. Bodies over 64 KiB are not kept.
         */
        get: operations["readJournal"];
        put?: never;
        post?: never;
        /** Empty the journal */
        delete: operations["clearJournal"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Back to the demo state
         * @description Replaces the data with what the server loads at start (the demo data unless `DEMO_DATA=0`,
         *     and the `TEMPLATES_DIR` templates): created tasks and uploaded templates are gone. By
         *     default the rules and the journal are cleared too. Task ids keep increasing: the next task
         *     gets an id greater than any given before the reset.
         */
        post: operations["resetServer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/snapshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the snapshots
         * @description Snapshots are SQLite files in the folder `<DATABASE_PATH>-snapshots/` (kept across restarts);
         *     with `DATABASE_PATH=:memory:` they live in a temporary folder removed when the server stops.
         */
        get: operations["listSnapshots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/snapshots/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Letters, digits, `.`, `_` and `-`, starting with a letter or digit; at most 64. */
                name: components["parameters"]["SnapshotName"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Save the data as a named snapshot
         * @description Takes a consistent copy of the database (`VACUUM INTO`); replaces a snapshot of that name.
         */
        put: operations["saveSnapshot"];
        post?: never;
        /** Delete a snapshot */
        delete: operations["deleteSnapshot"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/snapshots/{name}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Letters, digits, `.`, `_` and `-`, starting with a letter or digit; at most 64. */
                name: components["parameters"]["SnapshotName"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the data with a snapshot
         * @description In one transaction: every table gets the snapshot's rows. Task ids keep increasing: the id
         *     counter is never lowered, so tasks created after the restore get ids greater than any given
         *     before it. A snapshot saved by a server with other migrations is refused. Rules and journal
         *     are kept.
         */
        post: operations["restoreSnapshot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add or replace templates while the server runs
         * @description One template or a list of them, each in the `TEMPLATES_DIR` file format or as what a real
         *     bk-sops' `get_template_info` answers (the whole answer or its `data`). Every template is
         *     checked first, as bk-sops checks a template it saves (docs/bk-sops-behaviour.md §5.5; its
         *     subprocesses must name templates stored or in the same upload, without looping back, §5.3):
         *     if any is invalid, none is stored and the answer names each bad one with its reason.
         *     Uploaded templates are gone after a reset (snapshots keep them).
         */
        post: operations["uploadTemplates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description The front door of a request (API gateway or 2019 ESB form).
         * @enum {string}
         */
        Form: "gateway" | "esb";
        Failure: {
            /** @constant */
            result: false;
            message: string;
            /**
             * @description `3540000` bad request, `3540400` not found, `3599999` the server failed.
             * @enum {integer}
             */
            code: 3540000 | 3540400 | 3599999;
        };
        ApiNotFound: {
            /** @constant */
            result: false;
            /** @constant */
            code: 1640401;
            code_name?: string;
            message: string;
            data?: null;
        };
        /** @description What a request must be for the rule to apply; every field given must hold. */
        RuleMatch: {
            /** @description bk-sops' operation name, e.g. `create_task`. */
            operation?: string;
            form?: components["schemas"]["Form"];
            /** @description The template the request names (path or parameters), as it is written. */
            template_id?: string | number;
            /** @description The `bk_app_code` the request claims. */
            app?: string;
            /** @description The user the request names (`bk_username`, or the owner of its `bk_token`). */
            user?: string;
        };
        /**
         * @description The answer to force, chosen as with `Prefer`: `example` (a named example of the operation),
         *     `status` (its first documented example, or the error envelope for an undocumented error
         *     status), `status` + `example`, or `body` (sent as it is, with `status`, default 200).
         */
        RuleRespond: {
            example?: string;
            status?: number;
            /** @description Any JSON value, sent as it is. */
            body?: unknown;
            /** @description Extra headers of the answer. */
            headers?: {
                [key: string]: string;
            };
        };
        /** @description A fixed delay, or one drawn uniformly between two bounds, in milliseconds. */
        Delay: {
            ms: number;
        } | {
            min_ms: number;
            max_ms: number;
        };
        /**
         * @description `reset`: the connection is reset (TCP RST) without an answer; `no_answer`: the request is
         *     never answered, the connection stays open until the client gives up (or the server stops);
         *     `server_error`: HTTP 500 with the server's internal-error envelope (code 3599999).
         * @enum {string}
         */
        Fault: "reset" | "no_answer" | "server_error";
        /**
         * @description At least one of `respond`, `fault` and `delay`; `respond` and `fault` exclude each other. A
         *     `delay` with either one comes first; alone, it delays the operation's real answer.
         */
        RuleInput: {
            description?: string;
            match?: components["schemas"]["RuleMatch"];
            respond?: components["schemas"]["RuleRespond"];
            fault?: components["schemas"]["Fault"];
            delay?: components["schemas"]["Delay"];
            /** @description How many requests the rule applies to; without it, every matching request. */
            times?: number;
        } | unknown | unknown | unknown;
        Rule: {
            id: number;
            description?: string;
            match: components["schemas"]["RuleMatch"];
            respond?: components["schemas"]["RuleRespond"];
            fault?: components["schemas"]["Fault"];
            delay?: components["schemas"]["Delay"];
            times?: number;
            /** Format: date-time */
            created_at: string;
            /** @description Requests the rule has applied to. */
            hits: number;
            /** @description Requests it will still apply to; `null` for always. */
            remaining: number | null;
        };
        RuleAnswer: {
            /** @constant */
            result: true;
            data: components["schemas"]["Rule"];
        };
        RuleListAnswer: {
            /** @constant */
            result: true;
            data: components["schemas"]["Rule"][];
        };
        CountAnswer: {
            /** @constant */
            result: true;
            data: {
                deleted: number;
            };
        };
        /** @description What scenario control did to a request. */
        ScenarioApplied: {
            /** @enum {string} */
            source: "prefer" | "rule";
            rule_id?: number;
            /** @description The forced answer (`example documented`, `status 500`, …). */
            answer?: string;
            fault?: components["schemas"]["Fault"];
            delay_ms?: number;
        };
        JournalEntry: {
            /** @description Increases by one per request received, from 1; not reset by clearing. */
            seq: number;
            /** Format: date-time */
            received_at: string;
            method: string;
            path: string;
            query?: {
                [key: string]: string;
            };
            /** @description bk-sops' operation name, when the path is one of an operation. */
            operation?: string | null;
            operation_id?: string | null;
            form?: components["schemas"]["Form"] | null;
            /** @description The HTTP status answered; `null` when a fault left the request unanswered. */
            status: number | null;
            duration_ms: number;
            trace_id: string;
            scenario?: components["schemas"]["ScenarioApplied"] | null;
            request?: {
                /** @description Content-Type, Origin, Prefer, Traceparent, X-Bkapi-Authorization, Cookie (masked), when sent. */
                headers?: {
                    [key: string]: string;
                };
                /** @description The body (parsed when it is JSON), `null` when not read or too large. */
                body?: unknown;
            };
            response?: {
                /** @description The answer's body (parsed when it is JSON), `null` when there was none. */
                body?: unknown;
            };
        };
        JournalAnswer: {
            /** @constant */
            result: true;
            data: {
                entries: components["schemas"]["JournalEntry"][];
                /** @description Entries the journal holds (before filtering). */
                kept: number;
                /** @description The most it holds (`JOURNAL_SIZE`). */
                capacity: number;
            };
        };
        ResetInput: {
            /**
             * @description Clear the rules too.
             * @default true
             */
            rules?: boolean;
            /**
             * @description Clear the journal too.
             * @default true
             */
            journal?: boolean;
        };
        ResetAnswer: {
            /** @constant */
            result: true;
            data: {
                rules_deleted: number;
                journal_dropped: number;
                /** @description The id the next created task will get. */
                next_task_id: number;
            };
        };
        Snapshot: {
            name: string;
            /** Format: date-time */
            saved_at: string;
            bytes: number;
        };
        SnapshotAnswer: {
            /** @constant */
            result: true;
            data: components["schemas"]["Snapshot"];
        };
        SnapshotListAnswer: {
            /** @constant */
            result: true;
            data: components["schemas"]["Snapshot"][];
        };
        /** @description One template object, or a list of them (at most 1,000). */
        TemplateUpload: Record<string, never> | Record<string, never>[];
        UploadAnswer: {
            /** @constant */
            result: true;
            data: {
                stored: {
                    /** @enum {string} */
                    source: "project" | "common";
                    template_id: number;
                    bk_biz_id?: number | null;
                    name: string;
                }[];
            };
        };
        StatusAnswer: {
            /** @constant */
            result: true;
            data: {
                rules: number;
                journal: {
                    kept: number;
                    capacity: number;
                };
                snapshots: number;
                next_task_id: number;
            };
        };
    };
    responses: {
        /** @description The request cannot be carried out; the message says why. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "result": false,
                 *       "message": "request body: /fault must be equal to one of the allowed values",
                 *       "code": 3540000
                 *     }
                 */
                "application/json": components["schemas"]["Failure"];
            };
        };
        /**
         * @description No such rule or snapshot (code 3540400), or the controls are off: then every path under
         *     `/_bksops/` is answered like an unknown path of the server (the gateway's `API not found`).
         */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "result": false,
                 *       "message": "there is no rule 7",
                 *       "code": 3540400
                 *     }
                 */
                "application/json": components["schemas"]["Failure"] | components["schemas"]["ApiNotFound"];
            };
        };
    };
    parameters: {
        /** @description Letters, digits, `.`, `_` and `-`, starting with a letter or digit; at most 64. */
        SnapshotName: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getControlStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts of rules, journal entries and snapshots. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusAnswer"];
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    listRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleListAnswer"];
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    createRule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleInput"];
            };
        };
        responses: {
            /** @description The rule as stored, with its id. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    clearRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many rules were deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountAnswer"];
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    getRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rule's id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleAnswer"];
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    deleteRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rule's id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted rule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleAnswer"];
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    readJournal: {
        parameters: {
            query?: {
                /** @description A bk-sops operation name (`create_task`) or an operationId (`createTaskEsb`). */
                operation?: string;
                form?: components["schemas"]["Form"];
                /** @description An HTTP status (`500`) or a class (`4xx`). */
                status?: string;
                /** @description Only requests received at or after this time. */
                since?: string;
                /** @description Only entries whose `seq` is greater (to poll for new entries). */
                after?: number;
                trace_id?: string;
                /** @description At most this many entries, the newest ones (default 100). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JournalAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    clearJournal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many entries were dropped. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountAnswer"];
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    resetServer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ResetInput"];
            };
        };
        responses: {
            /** @description What was reset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    listSnapshots: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The snapshots, by name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SnapshotListAnswer"];
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    saveSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Letters, digits, `.`, `_` and `-`, starting with a letter or digit; at most 64. */
                name: components["parameters"]["SnapshotName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The snapshot. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SnapshotAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Letters, digits, `.`, `_` and `-`, starting with a letter or digit; at most 64. */
                name: components["parameters"]["SnapshotName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted snapshot. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SnapshotAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    restoreSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Letters, digits, `.`, `_` and `-`, starting with a letter or digit; at most 64. */
                name: components["parameters"]["SnapshotName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The restored snapshot. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SnapshotAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    uploadTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateUpload"];
            };
        };
        responses: {
            /** @description The templates stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
}
