// Types of the create_task API.
// Generated from openapi/openapi.yaml by `pnpm generate`: do not edit by hand.

export interface paths {
    "/create_and_start_task/{template_id}/{bk_biz_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a task from a flow template and start it (API gateway)
         * @description create_task followed by start_task in one call. bk-sops runs create_task's checks in the
         *     same order, with this view's own details:
         *
         *     - only `template_source: business` (the default here) reads a project template: any other
         *       value, **`project` included**, reads a common template (IAM still checks `project` as a
         *       project template, as create_task does);
         *     - the parameters are checked with this view's schema (`template_source` must be a string,
         *       there is no `execute_task_nodes_id`, `simplify_vars` or `pipeline_tree`), and the message
         *       reads `task parmas is invalid: …` (sic);
         *     - a tree that cannot be built answers its reason alone (no `[API] create_task …` prefix);
         *     - the task stores `template_source` as sent (`business` by default);
         *     - the answer is `pipeline_tree`, `task_id`, `task_url` (no `function_task_claim_url`; MCP
         *       callers get the tree too).
         *
         *     bk-sops queues the start; the reference server starts the task before it answers. A
         *     functional task (`flow_type` `common_func`) is created and not started.
         */
        post: operations["createAndStartTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/c/compapi/v2/sops/create_and_start_task/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a task from a flow template and start it (ESB)
         * @description The ESB form: credentials, `bk_biz_id` and `template_id` in the JSON body with the task
         *     parameters; the answer's `code` rewritten (`0`, or `1306000`), `message`, `data` and
         *     `request_id` added.
         */
        post: operations["createAndStartTaskEsb"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/create_task/{template_id}/{bk_biz_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a task from a flow template (API gateway)
         * @description Creates a task (not started) from the flow template `template_id` of business `bk_biz_id`
         *     (a project id when `scope` is not `cmdb_biz`) or from a common template, applies the
         *     requested constants and node exclusions, and answers the created pipeline tree.
         *
         *     Checks run in this order, the first failure answering: credentials (gateway) → body is a JSON
         *     object → template lookup by `template_source` → parameter validation → node selection →
         *     creation. A request with a bad `name` and a missing template gets the template error.
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/c/compapi/v2/sops/create_task/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a task from a flow template (ESB, published 2019 form)
         * @description The form of the published doc. `bk_app_code`, `bk_app_secret`, `bk_token` or `bk_username`,
         *     `bk_biz_id` and `template_id` travel in the JSON body with the task parameters. The ESB
         *     checks the credentials, removes them from the body and forwards the rest to the same view
         *     as the gateway form; then it rewrites `code` (`0` on success, `1306000` on failure) and adds
         *     `message` (`""` when absent), `data` (`null` when absent) and `request_id`. A body that is
         *     not a JSON object carries no credentials, so it is answered
         *     `APP Code [bk_app_code] cannot be empty` (code 1306000).
         */
        post: operations["createTaskEsb"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_common_template_info/{template_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a common flow template (API gateway)
         * @description Answers the common template `template_id`: its metadata and its tree without the canvas, as
         *     `get_template_info` answers a template, without any project field. It takes the same options
         *     except `include_executor_proxy` (accepted, without effect: common templates have no executor
         *     proxy); `unfold_subprocess` and `format` are validated and otherwise ignored.
         *
         *     Checks run in this order: credentials (gateway) → IAM for apps not on the whitelist (a
         *     common template that does not exist: `数据不存在错误: … CommonTemplate(id=<id>) does not exist.
         *     | process_exception`, `data: null`, no trace_id; a user without `common_flow_view`: `iam
         *     authentication exception, please check, action:common_flow_view`, code 3599999, `data: null`,
         *     trace_id) → query options → template lookup (`common template[id=<id>] does not exist`, code
         *     3540400, for apps on the whitelist). MCP callers get no `pipeline_tree` (unless they pass
         *     `include_pipeline_tree=true`) and no `template_constants`.
         */
        get: operations["getCommonTemplateInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/c/compapi/v2/sops/get_common_template_info/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a common flow template (ESB)
         * @description The ESB form (`/v2/sops/get_common_template_info/`): the credentials and `template_id` travel
         *     in the query string. The ESB rewrites the answer as for every operation (`code` 0 or
         *     1306000, `message`, `data`, `request_id`).
         */
        get: operations["getCommonTemplateInfoEsb"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_common_template_list/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the common flow templates (API gateway)
         * @description Every common template, newest id first, each with the common-flow actions IAM grants the
         *     calling user (`auth_actions`; a user IAM grants nothing still gets the list, with empty
         *     `auth_actions`). No business and no IAM check: `expected_timezone`, then the `include_*` and
         *     `format` parameters (only `include_notify` changes the answer), then the list.
         */
        get: operations["getCommonTemplateList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/c/compapi/v2/sops/get_common_template_list/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the common flow templates (ESB)
         * @description The ESB form (`GET /api/c/compapi/v2/sops/get_common_template_list/`): the credentials travel
         *     in the query with the other parameters. The ESB checks them, forwards the rest to the same view
         *     as the gateway form, and rewrites its answer: `code` 0 or 1306000, `message` (`""` when
         *     absent), `data` (`null` when absent) and `request_id`.
         */
        get: operations["getCommonTemplateListEsb"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_task_detail/{task_id}/{bk_biz_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Query the details of a task (API gateway)
         * @description The task's record (name, creator, times, executor, elapsed seconds), its pipeline tree and
         *     global variables, and the pipeline's outputs (`outputs`, each output constant with its value,
         *     written when the pipeline finishes: `[]` before). Times are `"%Y-%m-%d %H:%M:%S %z"` texts,
         *     `""` until they happen; `finish_time` is also set when the task is revoked.
         *
         *     Checks, in order: credentials (gateway) → the business (`scope`) → IAM `task_view` (apps not
         *     on the whitelist: the task is read by id first) → the `include_*` flags (Django REST
         *     framework booleans: an invalid one answers the serializer's errors, an object, as `message`)
         *     → the task must be the business's. MCP callers get no `task_webhook_history`, and
         *     `pipeline_tree` only with `include_pipeline_tree=true` (trimmed). bk-sops caches answers for
         *     60 s per worker process; the reference server answers the current state.
         */
        get: operations["getTaskDetail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/c/compapi/v2/sops/get_task_detail/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Query the details of a task (ESB)
         * @description The ESB form: credentials, `bk_biz_id` and `task_id` in the query string with the other
         *     parameters; the answer's `code` rewritten (`0`, or `1306000`), `message`, `data` and
         *     `request_id` added.
         */
        get: operations["getTaskDetailEsb"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_task_node_detail/{task_id}/{bk_biz_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Query the execution details of a task node (API gateway)
         * @description One node of task `task_id`: its state, times and counters once the execution has reached it
         *     (`READY`, with its `name`, before), its inputs (rendered with the task's constants; with
         *     `_loop`, `_inner_loop` once it ran), its outputs as a table (`key`, `value`, `preset`; with
         *     `component_code`, the plugin's declared outputs first, named) and `ex_data` (its failure,
         *     `null` for a node that ran without one, `""` for events and gateways).
         *
         *     Subprocesses: a node inside one is found only through `subprocess_stack`, the JSON list of
         *     the subprocess node ids leading to it, outermost first (`["<subprocess node id>"]` for a
         *     node of a subprocess of the task); its inputs are rendered with what the subprocess passed
         *     down. A node asked for with a stack that does not lead to it fails as in bk-sops, whose
         *     lookup raises (HTTP 500). A subprocess node's `children` are its child's nodes (flat),
         *     its `inputs` what it passed down, by constant name without `${}`, and its outputs the
         *     child's outputs with `_loop` and `_inner_loop`.
         *
         *     Checks, in order: credentials (gateway) → the business (`scope`) → IAM `task_view` → the task
         *     must be the business's → `subprocess_stack` must be JSON → `node_id` must be a node of the
         *     task (the message, in Chinese, names the task and the node).
         */
        get: operations["getTaskNodeDetail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/c/compapi/v2/sops/get_task_node_detail/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Query the execution details of a task node (ESB)
         * @description The ESB form: credentials, `bk_biz_id` and `task_id` in the query string with the other
         *     parameters; the answer's `code` rewritten (`0`, or `1306000`), `message`, `data` and
         *     `request_id` added.
         */
        get: operations["getTaskNodeDetailEsb"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_task_status/{task_id}/{bk_biz_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Query the execution status of a task (API gateway)
         * @description The status tree of task `task_id` of business `bk_biz_id`: the pipeline's state, times and
         *     counters, and one child per node the execution has reached so far (in the order reached,
         *     keyed by node id, each with the node's `name`, `""` for events and gateways). A subprocess
         *     node's `children` are the nodes reached in its child pipeline, named after the child's
         *     activities, with the subprocess node's id as `parent_id`, at any depth. A task never started
         *     answers `CREATED` with no children.
         *
         *     With `subprocess_id`, the tree of that subprocess node alone (at any depth; `CREATED` with no
         *     children when it has not been reached). bk-sops names its children from the task's own
         *     activities, which they are not: each reads `name` `""`.
         *
         *     States: `CREATED` (not started), `RUNNING`, `SUSPENDED` (paused), `FAILED` (a node failed:
         *     the pipeline itself is still running, and bk-sops reports it FAILED), `REVOKED`, `FINISHED`;
         *     nodes are `RUNNING`, `FINISHED` or `FAILED`; a subprocess node runs while its child does and
         *     reads `FAILED` when a node inside it failed (so does the task). `start_time` and `finish_time` are
         *     `"%Y-%m-%d %H:%M:%S %z"` texts or `null`; `elapsed_time` counts whole seconds (to now while
         *     running). A revoked pipeline has no `finish_time` of its own (its `elapsed_time` keeps
         *     growing); `get_task_detail` has the revocation time.
         *
         *     Checks, in order: credentials (gateway) → the business (`scope`) → IAM `task_view` (apps not
         *     on the whitelist: the task is read by id first, a missing one is answered by bk-sops'
         *     DoesNotExist middleware) → the task must be the business's. bk-sops caches an answer other
         *     than `CREATED` for 10 s in each of its worker processes; the reference server answers the
         *     current state every time.
         */
        get: operations["getTaskStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/c/compapi/v2/sops/get_task_status/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Query the execution status of a task (ESB)
         * @description The ESB form: credentials, `bk_biz_id` and `task_id` in the query string with the other
         *     parameters. The ESB requires `bk_biz_id` and `task_id` (code 1306406) and rewrites the
         *     answer's `code` (`0`, or `1306000` on failure), adding `message`, `data` and `request_id`.
         */
        get: operations["getTaskStatusEsb"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_template_info/{template_id}/{bk_biz_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a flow template of a business (API gateway)
         * @description Answers the flow template `template_id` of business `bk_biz_id` (a project id when `scope` is
         *     not `cmdb_biz`), or with `template_source=common` a common template: its metadata, its tree
         *     without the canvas and the business's project fields. This is the ground truth of
         *     create_task: the task of a template is built from this tree, its activity ids are the ids
         *     `exclude_task_nodes_id` takes, its variable keys the keys `constants` takes.
         *
         *     Checks run in this order, the first failure answering: credentials (gateway) → business
         *     (`project(<id>) with scope(<scope>) does not exist.`, no trace_id) → IAM for apps not on the
         *     whitelist (a template id that exists in no project: `数据不存在错误: … TaskTemplate(id=<id>)
         *     does not exist. | process_exception`, `data: null`, no trace_id; a user without `flow_view`:
         *     `{"result": false, "data": null, "message": "iam authentication exception, please check,
         *     action:flow_view", "code": 3599999, "trace_id": "…"}`) → query options → template lookup in
         *     this business.
         */
        get: operations["getTemplateInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/c/compapi/v2/sops/get_template_info/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a flow template of a business (ESB)
         * @description The ESB form (`/v2/sops/get_template_info/`): the credentials, `bk_biz_id` and `template_id`
         *     travel in the query string with the options. The ESB checks the credentials, forwards the rest
         *     to the same view as the gateway form and rewrites the answer (`code` 0 or 1306000, `message`
         *     `""` when absent, `data: null` when absent, `request_id`).
         */
        get: operations["getTemplateInfoEsb"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_template_list/{bk_biz_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the flow templates of a business (API gateway)
         * @description The templates of business `bk_biz_id` (a project id when `scope` is not `cmdb_biz`), newest id
         *     first, each with the actions IAM grants the calling user (`auth_actions`). With a
         *     `template_source` other than `business` or `project` (e.g. `common`) it lists every **common**
         *     template instead, still carrying the business's project fields.
         *
         *     Checks run in this order, the first failure answering: credentials (gateway) → the project
         *     (`project(<id>) with scope(<scope>) does not exist.`) → `expected_timezone` → IAM `project_view`
         *     (apps not on the whitelist) → the `include_*` and `format` parameters → the list. bk-sops
         *     paginates nothing here: every matching template is answered.
         *
         *     What differs from the published doc, as the service really does it:
         *     - `bk_biz_id` and `project_id` are integers;
         *     - `auth_actions` of common templates listed through this call are the user's **project-flow**
         *       actions on the project template that has the same id (normally none, so `[]`): bk-sops asks
         *       IAM about flows whatever the source;
         *     - MCP callers get `auth_actions` too: the view's trimming rule (`data.[].auth_actions`) names
         *       a key `[]` that no item has, so it removes nothing.
         */
        get: operations["getTemplateList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/c/compapi/v2/sops/get_template_list/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the flow templates of a business (ESB)
         * @description The ESB form (`GET /api/c/compapi/v2/sops/get_template_list/`): the credentials and
         *     `bk_biz_id` travel in the query with the other parameters. The ESB checks the credentials,
         *     requires `bk_biz_id` (`Parameters error, param bk_biz_id is required`, code 1306406), forwards
         *     the rest to the same view as the gateway form, and rewrites its answer: `code` 0 or 1306000,
         *     `message` (`""` when absent), `data` (`null` when absent) and `request_id`.
         */
        get: operations["getTemplateListEsb"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_template_schemes/{bk_biz_id}/{template_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the execution schemes of a template (API gateway)
         * @description Answers the execution schemes of the project template `template_id` of business `bk_biz_id`
         *     (note the order of the path: business first). A scheme's `id` is its unique id: the value
         *     create_task's `template_schemes_id` takes. bk-sops makes it `<template id>-<scheme name>`
         *     when a scheme is saved, and a random 32-hex id when a template is imported, so read it here
         *     rather than guess it. `data` is the JSON text of the activity ids the scheme runs.
         *
         *     Checks run in this order: credentials (gateway) → business (`project(<id>) with
         *     scope(<scope>) does not exist.`, no trace_id) → IAM for apps not on the whitelist (a template
         *     id that exists in no project: `数据不存在错误: … TaskTemplate(id=<id>) does not exist. |
         *     process_exception`; a user without `flow_view`: `iam authentication exception, please check,
         *     action:flow_view`, code 3599999) → template lookup in this business, which bk-sops does not
         *     guard: a template of another business is answered by the same middleware, `数据不存在错误: …
         *     TaskTemplate matching query does not exist. | process_exception`. A failure while computing
         *     `with_constants` answers `get_template_schemes fail: <error>`, code 3599999.
         */
        get: operations["getTemplateSchemes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/c/compapi/v2/sops/get_template_schemes/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the execution schemes of a template (ESB)
         * @description The ESB form (`/v2/sops/get_template_schemes/`): the credentials, `bk_biz_id` and
         *     `template_id` travel in the query string. The ESB rewrites the answer as for every operation.
         */
        get: operations["getTemplateSchemesEsb"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_user_project_list/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the projects the user may view (API gateway)
         * @description Answers the projects (businesses) the calling user may view (IAM `project_view`), disabled
         *     projects left out: each with its internal `project_id`, its CMDB `bk_biz_id` and its name.
         *     `include_executor_proxy` adds each project's executor proxy (`null`: none). An option the
         *     serializer refuses answers its errors as the message (see `BkSopsParamsError`). A failure to
         *     ask IAM answers `can not fetch project for user[<username>]`, code 3599999.
         */
        get: operations["getUserProjectList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/c/compapi/v2/sops/get_user_project_list/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the projects the user may view (ESB)
         * @description The ESB form (`/v2/sops/get_user_project_list/`): the credentials travel in the query string;
         *     the ESB rewrites the answer as for every operation.
         */
        get: operations["getUserProjectListEsb"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operate_task/{task_id}/{bk_biz_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start, pause, resume or revoke a task (API gateway)
         * @description `action` is `start` (as start_task, answered `{"message": "success", …}`), `pause` (running
         *     nodes end, no further node starts), `resume` (a paused task goes on) or `revoke` (the task
         *     stops for good: running nodes end, no further node starts).
         *
         *     Checks, in order: credentials (gateway) → the body is a JSON object (`scope`) → the business
         *     → IAM `task_operate` → an empty body is `invalid json format` → for `start`: as start_task;
         *     otherwise the task must be the business's (bk-sops' middleware answers a missing one), its
         *     flow must be `execute_task` (a finished or revoked task's is `finished`, a functional task's
         *     `func_claim`), the action known, the task started; then the engine's own rule: only a
         *     running task pauses, only a paused one resumes, a running or paused one is revoked. The
         *     engine's refusals read `fail: ` and its traceback, code 3599999.
         */
        post: operations["operateTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/c/compapi/v2/sops/operate_task/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start, pause, resume or revoke a task (ESB)
         * @description The ESB form: credentials, `bk_biz_id`, `task_id` and `action` in the JSON body; the answer's
         *     `code` rewritten (`0`, or `1306000`), `message`, `data` and `request_id` added.
         */
        post: operations["operateTaskEsb"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/c/compapi/v2/sops/preview_common_task_tree/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview the task tree of a common flow template (ESB)
         * @description `preview_task_tree` for a common template (registered on the ESB in 2020-11): the tree a task
         *     created from common template `template_id` would start from, and the constants it would
         *     drop. Nothing is created. bk-sops routes the view at
         *     `/apigw/preview_common_task_tree/{bk_biz_id}/{template_id}/`, but its API gateway defines no
         *     resource for it (`api-resources.yml`): through the gateway the path is answered 404
         *     `API not found`. Only the ESB form reaches it.
         *
         *     The business must still exist (`project_inject` runs first, `scope` from the body), though
         *     the template is looked up by id only. For apps not on the whitelist, the common template must
         *     exist (else a Chinese middleware message, code 3540400) and IAM must grant
         *     `common_flow_view`. Then as preview_task_tree: `exclude_task_nodes_id` must be a list, and the
         *     lookup, the version and the exclusion fail as `preview_common_task_tree fail: <reason>`.
         */
        post: operations["previewCommonTaskTreeEsb"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/preview_task_tree/{bk_biz_id}/{template_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview the task tree of a flow template (API gateway)
         * @description The tree a task created from template `template_id` of business `bk_biz_id` would start from,
         *     with the optional nodes of `exclude_task_nodes_id` left out, and the template's constants it
         *     would drop. Nothing is created. Note the order of the path parameters: the business comes
         *     **first**, unlike create_task.
         *
         *     Checks run in this order, the first failure answering: credentials (gateway) → the body is a
         *     JSON object (`invalid param format`) and names an existing project (`scope` from the body) →
         *     for apps not on the whitelist, the template exists in some project (else a Chinese middleware
         *     message, code 3540400) and IAM grants `flow_view` → the body is JSON at all (an empty body
         *     passed the decorators as `{}`: `request body is not a valid json`) → `exclude_task_nodes_id`
         *     is a list → the template of this project, the version, the exclusion
         *     (`preview_task_tree fail: <reason>`, code 3599999).
         */
        post: operations["previewTaskTree"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/c/compapi/v2/sops/preview_task_tree/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview the task tree of a flow template (ESB)
         * @description The ESB form (`POST /api/c/compapi/v2/sops/preview_task_tree/`, registered in 2020):
         *     `bk_app_code`, `bk_app_secret`, `bk_token` or `bk_username`, `bk_biz_id` and `template_id`
         *     travel in the JSON body with the preview parameters. The ESB checks the credentials, removes
         *     them and the ids from the body, forwards the rest to the same view as the gateway form and
         *     rewrites its answer: `code` 0 or 1306000, `message` (`""` when absent), `data` (`null` when
         *     absent) and `request_id`.
         */
        post: operations["previewTaskTreeEsb"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/start_task/{task_id}/{bk_biz_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a task (API gateway)
         * @description Starts task `task_id` of business `bk_biz_id` (one created by create_task and not started
         *     yet). bk-sops queues the start and answers at once, so for a moment its status may still be
         *     `CREATED`; the reference server starts the task before it answers. A functional task
         *     (`flow_type` `common_func`) waiting to be claimed is answered the same, and is not started.
         *
         *     Checks, in order: credentials (gateway) → the body is a JSON object, or empty (it may carry
         *     `scope`) → the business → IAM `task_operate` (apps not on the whitelist: the task is read by
         *     id first) → the task must be the business's (a DoesNotExist answered by bk-sops' middleware)
         *     → not started yet (`task already started`, code 3545000).
         */
        post: operations["startTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/c/compapi/v2/sops/start_task/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a task (ESB)
         * @description The ESB form: credentials, `bk_biz_id` and `task_id` in the JSON body. The ESB requires
         *     `bk_biz_id` and `task_id` (code 1306406) and rewrites the answer's `code` (`0`, or `1306000`),
         *     adding `message` (`""` when absent), `data` and `request_id`.
         */
        post: operations["startTaskEsb"];
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
         * @description The caller's credentials as the ESB (body) and the gateway (header `X-Bkapi-Authorization`,
         *     or body) read them.
         */
        Credentials: {
            /**
             * @description APP ID.
             * @example esb_test
             */
            bk_app_code?: string;
            /**
             * @description APP Secret (APP TOKEN), from BlueKing Developer Center -> APP ID -> Basic Info.
             * @example xxx
             */
            bk_app_secret?: string;
            /**
             * @description The current user's login token (from the `bk_token` cookie).
             * @example xxx
             */
            bk_token?: string;
            /**
             * @description The current user's username; accepted only for apps exempted from user verification
             *     (the whitelist).
             */
            bk_username?: string;
            /** @description An OAuth access token (gateway only). */
            access_token?: string;
        };
        /**
         * @description A bk-sops error, HTTP 200. View-level errors carry `code` and `trace_id` and no `data`;
         *     decorator-level errors (`invalid param format`, project not found) carry `code` only.
         */
        BkSopsError: {
            /** @constant */
            result: false;
            /** @description What went wrong; exact texts are in the examples and in docs/bk-sops-behaviour.md. */
            message: string;
            /**
             * @description `3540000` invalid parameters; `3540400` something does not exist (also, oddly, an empty
             *     app code); `3545000` an operation the task's state does not allow (already started, not
             *     started, …); `3599999` creation failed, the engine refused, or IAM denied.
             * @enum {integer}
             */
            code?: 3540000 | 3540400 | 3545000 | 3599999;
            trace_id?: string;
            data?: null;
        };
        /**
         * @description A flow template as bk-sops' detail APIs answer it (`format_template_data`): metadata, the
         *     tree and, when read through a business, the project's ids and names. The `include_*`
         *     options add their fields.
         */
        TemplateInfo: {
            /** @description The template id (`template_id` of create_task). */
            id: number;
            name: string;
            creator: string;
            create_time: components["schemas"]["BkDatetime"];
            /** @description Who edited the template last (`null`, never edited). */
            editor: string | null;
            edit_time: components["schemas"]["BkDatetime"];
            /** @description e.g. `OpsTools`, `MonitorAlarm`, `ConfManage`, `DevTools`, `EnterpriseIT`, `OfficeApp`, `Other`, `Default`. */
            category: string;
            /**
             * @description The template's tree (`format=json`, the default), or with `format=yaml` a YAML document
             *     (bk-sops' v1 YAML schema, as its page export writes it).
             */
            pipeline_tree: components["schemas"]["TemplateTree"] | string;
            description: string;
            /** @description The internal project id (read through a business only). */
            project_id?: number;
            project_name?: string;
            /** @description The CMDB business id (an integer; the published doc shows a string). */
            bk_biz_id?: number;
            /** @description The project's name, or `null` when the project is not a CMDB business. */
            bk_biz_name?: string | null;
            /** @description `include_executor_proxy`: who runs the template's tasks instead of their creator (`""`: nobody). */
            executor_proxy?: string;
            notify_type?: components["schemas"]["NotifyType"];
            /** @description `include_notify`: who is notified. */
            notify_receivers?: Record<string, never>;
            /** @description `include_subprocess`: the template has subprocess nodes. */
            has_subprocess?: boolean;
            /** @description `include_subprocess`: one of its subprocesses has a newer version. */
            subprocess_has_update?: boolean;
            /** @description `include_constants`: the variables the nodes use. */
            template_constants?: {
                name: string;
                key: string;
                show_type: string;
                /** @description The type's name (`节点输入` for a node input, `输入框` for `input`, …). */
                constant_type: string;
                /** @description How many node inputs refer to the variable. */
                activity_count: number;
            }[];
        };
        /**
         * @description A template's tree as the read APIs answer it: the canvas (`line`, `location`) is left out and
         *     every variable carries the `schema` of its type (an ItemSchema dict, or `null` when bk-sops
         *     has none for it). Its activity ids are the ids `exclude_task_nodes_id` takes.
         */
        TemplateTree: components["schemas"]["PipelineTree"] & {
            line?: never;
            location?: never;
            constants?: {
                [key: string]: components["schemas"]["TemplateVariable"];
            };
        };
        /** @description A variable of a template read through the read APIs; it always carries `schema`. */
        TemplateVariable: components["schemas"]["Constant"] & unknown;
        TemplateInfoSuccess: {
            /** @constant */
            result: true;
            data: components["schemas"]["TemplateInfo"];
            /** @constant */
            code: 0;
            trace_id?: string;
            /**
             * @description Added by the ESB.
             * @constant
             */
            message?: "";
            /** @description Added by the ESB. */
            request_id?: string;
        };
        /** @description The answer of a template detail API (gateway form). */
        TemplateInfoResponse: components["schemas"]["TemplateInfoSuccess"] | components["schemas"]["BkSopsError"] | components["schemas"]["BkSopsParamsError"];
        /** @description The answer of a template detail API through the ESB. */
        EsbTemplateInfoResponse: components["schemas"]["TemplateInfoSuccess"] | components["schemas"]["EsbError"];
        /**
         * @description An ESB error (HTTP 200): the ESB's own credential errors (code 1306000), missing path
         *     parameters (1306406), or a bk-sops error whose code the ESB rewrote to 1306000. The ESB passes
         *     bk-sops' `message` and `data` on as they are: a parameter error's `message` is a dict, and
         *     an unknown `expected_timezone` has `data: ""`.
         */
        EsbError: {
            /** @constant */
            result: false;
            /** @enum {integer} */
            code: 1306000 | 1306406 | 1306403 | 1306429 | 1306208;
            message: string | components["schemas"]["SerializerErrors"];
            /** @enum {unknown} */
            data: null | "";
            request_id: string;
            trace_id?: string;
        };
        /**
         * @description What a Django REST framework serializer refuses: each refused field with its messages, in
         *     the serializer's field order, e.g. `{"include_labels": ["Must be a valid boolean."]}`.
         */
        SerializerErrors: {
            [key: string]: string[];
        };
        /**
         * @description bk-sops' answer (HTTP 200) to query parameters its serializer refuses: `message` is not a
         *     string but the serializer's errors, a dict of field → messages.
         */
        BkSopsParamsError: {
            /** @constant */
            result: false;
            message: components["schemas"]["SerializerErrors"];
            /** @constant */
            code: 3540000;
            trace_id?: string;
        };
        /**
         * @description bk-sops' answer (HTTP 200) to an `expected_timezone` that names no time zone: `data` is an
         *     empty string, the code is VALIDATION_ERROR, and there is no `trace_id` (a decorator answers it).
         */
        BkSopsTimezoneError: {
            /** @constant */
            result: false;
            /** @constant */
            data: "";
            /** @description `expected_timezone <name> is unknown.` */
            message: string;
            /** @constant */
            code: 3546100;
        };
        /**
         * @description A boolean as bk-sops' serializers read query parameters (Django REST framework's
         *     BooleanField, any letter case): true is `true`, `t`, `yes`, `y`, `on`, `1`; false is `false`,
         *     `f`, `no`, `n`, `off`, `0`; empty or absent means the default. Anything else is refused with
         *     `{"<name>": ["Must be a valid boolean."]}` (code 3540000).
         */
        DrfBoolean: string;
        /**
         * @description An IANA time zone name, as pytz knows it (case-insensitive; aliases such as `PRC` or
         *     `US/Pacific` too), e.g. `Asia/Shanghai`, `UTC`. Offsets such as `+08:00` are not names.
         * @example Asia/Shanghai
         * @example UTC
         */
        TimeZoneName: string;
        /**
         * @description A time as bk-sops writes it, `%Y-%m-%d %H:%M:%S %z`, in the site's zone (Asia/Shanghai)
         *     or the one `expected_timezone` names.
         * @example 2024-04-23 17:26:40 +0800
         */
        BkDatetime: string;
        /**
         * @description The form of a template's `pipeline_tree` in `get_template_info` (`yaml`: a YAML text).
         * @default json
         * @enum {string}
         */
        TemplateFormat: "json" | "yaml";
        /** @description A list of templates (both list operations, both forms). */
        TemplateListSuccess: {
            /** @constant */
            result: true;
            /** @description The templates, newest id first. */
            data: components["schemas"]["TemplateListItem"][];
            /** @constant */
            code: 0;
            trace_id?: string;
            /**
             * @description Absent from bk-sops' answer; the ESB adds `""`.
             * @constant
             */
            message?: "";
            /** @description Added by the ESB. */
            request_id?: string;
        };
        /** @description What the preview views read from the body (a JSON object; unknown keys are ignored). */
        PreviewTaskTreeParams: {
            /**
             * @description Template activity ids of **optional** nodes to leave out, as in create_task. A value that
             *     is not a list is refused with `invalid exclude_task_nodes_id`; an id that is not an
             *     activity fails with `<view> fail: task node[id=<id>] is not in template pipeline tree`, a
             *     required one with `… is not optional`.
             * @default []
             */
            exclude_task_nodes_id?: unknown[];
            /**
             * @description The template version (the md5 of a snapshot of its tree); absent or empty means the
             *     current one. No read operation answers versions; an unknown one fails with
             *     `<view> fail: 'NoneType' object has no attribute 'data'`.
             */
            version?: string;
            /**
             * @description How `bk_biz_id` is read: `cmdb_biz` (default) means a CMDB business id; any other value
             *     means the internal project id.
             * @default cmdb_biz
             */
            scope?: string;
        };
        /** @description The ESB's required keys of a call that names a business and a template. */
        EsbTemplateIds: {
            bk_app_code: components["schemas"]["Credentials"]["bk_app_code"];
            bk_app_secret: components["schemas"]["Credentials"]["bk_app_secret"];
            /**
             * @description The business ID (a string in the doc; digits).
             * @example 2
             */
            bk_biz_id: string | number;
            /**
             * @description The flow template ID (a string in the doc; digits).
             * @example 1
             */
            template_id: string | number;
        };
        /** @description A preview (both preview operations, both forms). */
        PreviewTaskTreeSuccess: {
            /** @constant */
            result: true;
            data: components["schemas"]["PreviewTaskTreeData"];
            /** @constant */
            code: 0;
            trace_id?: string;
            /**
             * @description Absent from bk-sops' answer; the ESB adds `""`.
             * @constant
             */
            message?: "";
            /** @description Added by the ESB. */
            request_id?: string;
        };
        PreviewTaskTreeData: {
            /**
             * @description The template's own tree (its ids, its canvas, its `incoming` as stored) with the
             *     excluded nodes removed, parallel branches left empty trimmed (a parallel pair left with
             *     none collapses) and the constants no remaining node references removed; the kept
             *     constants are renumbered from 0. Unlike a created task: no new ids, no
             *     `template_node_id`, no `converge_gateway_id`, no constant values applied.
             */
            pipeline_tree: components["schemas"]["PipelineTree"];
            /** @description The template's constants the preview dropped, as the template has them. */
            constants_not_referred: {
                [key: string]: components["schemas"]["Constant"];
            };
        };
        /**
         * @description One template of a list, keys in bk-sops' order. Project templates (and every item of
         *     `get_template_list`) carry the project's fields; `notify_type`/`notify_receivers` only with
         *     `include_notify`, `executor_proxy` only with `include_executor_proxy` on project templates,
         *     `labels` only with `include_labels` on project templates.
         */
        TemplateListItem: {
            /** @description The template id (the `template_id` of the other calls). */
            id: number;
            name: string;
            creator: string;
            create_time: components["schemas"]["BkDatetime"];
            /** @description Who edited the template last; `null` when nobody has. */
            editor: string | null;
            edit_time: components["schemas"]["BkDatetime"];
            /**
             * @description The template's category: `OpsTools`, `MonitorAlarm`, `ConfManage`, `DevTools`,
             *     `EnterpriseIT`, `OfficeApp`, `Other`, or `Default`.
             * @example OpsTools
             */
            category: string;
            description: string | null;
            /** @description The internal project id (not the business id). */
            project_id?: number;
            project_name?: string;
            /** @description The CMDB business id of the project (a string in the published example). */
            bk_biz_id?: number;
            /** @description The project's name when it comes from CMDB, else `null`. */
            bk_biz_name?: string | null;
            notify_type?: components["schemas"]["NotifyType"];
            /** @description Who is notified, as the template stores it, e.g. `{"receiver_group": [], "more_receiver": ""}`. */
            notify_receivers?: Record<string, never>;
            /** @description The user tasks of this template run as (`""` for none). */
            executor_proxy?: string;
            /** @description The actions IAM grants the calling user on this template (bk-sops' order). */
            auth_actions: string[];
            /** @description The template's labels (`{id, name, color}`); the reference server has none. */
            labels?: Record<string, never>[];
        };
        /**
         * @description How the template notifies, by outcome: `{"success": [...], "fail": [...]}` (a template that
         *     stores a plain list notifies the same way on both).
         */
        NotifyType: {
            success?: unknown;
            fail?: unknown;
        };
        /** @description An error of the API gateway itself. */
        GatewayError: {
            /** @enum {integer} */
            code: 1640001 | 1640301 | 1640401 | 1650001;
            /** @enum {string} */
            code_name: "INVALID_ARGS" | "APP_NO_PERMISSION" | "API_NOT_FOUND" | "INTERNAL_SERVER_ERROR";
            message: string;
            /** @constant */
            result: false;
            data: null;
        };
        /**
         * @description A web pipeline tree. The documented keys are `start_event`, `end_event`, `activities`,
         *     `gateways`, `flows`, `constants`, `outputs`; real trees also carry `line`, `location` (the
         *     canvas) and `id` (the pipeline instance id). The fields marked required here and in the node
         *     and constant schemas are what bk-sops requires of a tree sent to it (its web-tree schema,
         *     docs/bk-sops-behaviour.md §5.5, and `flows`, without which it fails); the trees it answers
         *     carry every documented field.
         */
        PipelineTree: {
            /** @description The pipeline's id (in a task, the pipeline instance id, node-style). */
            id?: string;
            start_event: components["schemas"]["StartEvent"];
            end_event: components["schemas"]["EndEvent"];
            /** @description Task nodes (plugins or subprocesses) by id. */
            activities: {
                [key: string]: components["schemas"]["Activity"];
            };
            /** @description Gateways by id. */
            gateways: {
                [key: string]: components["schemas"]["Gateway"];
            };
            /** @description Sequence flows (the lines between nodes) by id. */
            flows: {
                [key: string]: components["schemas"]["Flow"];
            };
            /** @description Global variables by key (`${key}`). */
            constants: {
                [key: string]: components["schemas"]["Constant"];
            };
            /** @description Keys of the global variables that are the pipeline's outputs. */
            outputs: string[];
            /** @description Canvas lines, one per flow. */
            line?: components["schemas"]["Line"][];
            /** @description Canvas positions, one per node. */
            location?: components["schemas"]["Location"][];
        };
        /**
         * @description The node's labels. bk-sops keeps them beside the tree and puts them back on every node (every
         *     level of an unfolded subprocess included) whenever it reads a template or a task, so every
         *     node of an answer has `labels`, `[]` when it has none.
         */
        NodeLabels: components["schemas"]["NodeLabel"][];
        NodeLabel: {
            /** @description The label's code. */
            label: string;
            /** @description The code of the label's group. */
            group: string;
        };
        /**
         * @description The ids of the flows coming into a node. The current service answers a **list** (bamboo
         *     normalises every activity, gateway and end event); the published doc shows a string, and
         *     the start event has `""`.
         */
        NodeIncoming: string | string[];
        StartEvent: {
            id: string;
            /** @constant */
            type: "EmptyStartEvent";
            name: string;
            incoming?: components["schemas"]["NodeIncoming"];
            /** @description The id of the flow leaving the start. */
            outgoing: string;
            labels?: components["schemas"]["NodeLabels"];
        };
        EndEvent: {
            id: string;
            /** @constant */
            type: "EmptyEndEvent";
            name: string;
            incoming: components["schemas"]["NodeIncoming"];
            /** @constant */
            outgoing?: "";
            labels?: components["schemas"]["NodeLabels"];
        };
        /** @description A task node, by `type`. */
        Activity: components["schemas"]["ServiceActivity"] | components["schemas"]["SubProcess"];
        ActivityCommon: {
            id: string;
            name: string;
            incoming: components["schemas"]["NodeIncoming"];
            /** @description The id of the flow leaving the node. */
            outgoing: string;
            /** @description Only optional nodes may be excluded. */
            optional?: boolean;
            error_ignorable?: boolean;
            retryable?: boolean;
            skippable?: boolean;
            /** @description Legacy name of `retryable` (in the published example). */
            can_retry?: boolean;
            /** @description Legacy name of `skippable` (in the published example). */
            isSkipped?: boolean;
            stage_name?: string;
            /** @description Loop settings; `null` when the node does not loop. */
            loop?: unknown;
            labels?: components["schemas"]["NodeLabels"];
            /**
             * @description In a task: the id this node has in the template, the id `exclude_task_nodes_id` takes.
             *     Absent from the published example.
             */
            template_node_id?: string;
        };
        /** @description A plugin node. */
        ServiceActivity: {
            /** @constant */
            type: "ServiceActivity";
            component?: components["schemas"]["Component"];
        } & (components["schemas"]["ActivityCommon"] & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ServiceActivity";
        });
        Component: {
            /** @description The plugin code, e.g. `sleep_timer`, `pause_node`, `job_fast_execute_script`. */
            code: string;
            version?: string;
            /** @description The plugin's inputs by key. */
            data: {
                [key: string]: components["schemas"]["ComponentInput"];
            };
        };
        ComponentInput: {
            /** @description `true` when the input is hooked to a global variable. */
            hook: boolean;
            /** @description The input's value (any JSON); may hold `${…}` references to constants. */
            value: unknown;
            need_render?: boolean;
        };
        /**
         * @description A subprocess node: a node that runs another flow template (its child). In a template it names
         *     the child; in a task the child is unfolded under `pipeline` (see docs/bk-sops-behaviour.md §5.3).
         */
        SubProcess: {
            /** @constant */
            type: "SubProcess";
            /**
             * @description In a template, the child template's id; in a task, the id of the child's pipeline template
             *     (node-style, `n` + 31 hex).
             */
            template_id: string | number;
            /**
             * @description `common` for a common flow; anything else (`project`, `business`) means a flow of the
             *     parent's own kind (a common flow's children are always common flows). In a task, `project`
             *     or `common`.
             */
            template_source?: string;
            /**
             * @description The version of the child the node is pinned to (bk-sops names versions by the md5 of the
             *     child's tree); empty or absent means the child's current version.
             */
            version?: string;
            /** @description When true the child's current version is used, whatever `version` says. */
            always_use_latest?: boolean;
            /** @description Keys of the node's inputs the editor hooked to the parent's constants. */
            hooked_constants?: string[];
            /**
             * @description Ids of the child's execution schemes: its optional nodes no scheme lists are left out of
             *     the task. Empty: every node of the child runs.
             */
            scheme_id_list?: (number | string)[];
            /**
             * @description In a template, the values the node passes to the child, by constant key: each replaces the
             *     child's constant of that key when the task is created. Not in a task (moved into `pipeline`).
             */
            constants?: {
                [key: string]: components["schemas"]["Constant"];
            };
            /**
             * @description In a task, the child's whole tree: the pinned (or current) version, with the node's
             *     constants, pruned like a task's tree, its own subprocesses unfolded in turn, every id new;
             *     its `id` is this node's id.
             */
            pipeline?: components["schemas"]["PipelineTree"];
            /** @description In a task, the id of the child template, as text. */
            original_template_id?: string;
            /** @description In a task, the child template's current version. */
            original_template_version?: string;
        } & (components["schemas"]["ActivityCommon"] & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SubProcess";
        });
        /** @description A gateway, by `type`. */
        Gateway: components["schemas"]["ParallelGateway"] | components["schemas"]["ExclusiveGateway"] | components["schemas"]["ConditionalParallelGateway"] | components["schemas"]["ConvergeGateway"];
        GatewayCommon: {
            id: string;
            name: string;
            incoming: components["schemas"]["NodeIncoming"];
            labels?: components["schemas"]["NodeLabels"];
        };
        /** @description The ids of the flows leaving a divergent gateway, one per branch. */
        DivergentOutgoing: string[];
        /** @description Runs every branch. */
        ParallelGateway: {
            /** @constant */
            type: "ParallelGateway";
            outgoing?: components["schemas"]["DivergentOutgoing"];
            /** @description The converge gateway of this divergence (added by validation). */
            converge_gateway_id?: string;
        } & (components["schemas"]["GatewayCommon"] & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ParallelGateway";
        });
        /** @description Branch conditions by outgoing flow id. */
        Conditions: {
            [key: string]: {
                /** @description A boolean expression; may reference constants, e.g. `${env} == "prod"`. */
                evaluate: string;
                name?: string;
                tag?: string;
            };
        };
        /**
         * @description The default branch, taken when no condition holds. The bk-sops editor saves its flow here and
         *     not in `conditions`; in a task `flow_id` names the flow's new id.
         */
        DefaultCondition: {
            flow_id: string;
            name?: string;
            tag?: string;
        };
        /** @description Runs the one branch whose condition holds. */
        ExclusiveGateway: {
            /** @constant */
            type: "ExclusiveGateway";
            outgoing?: components["schemas"]["DivergentOutgoing"];
            conditions: components["schemas"]["Conditions"];
            default_condition?: components["schemas"]["DefaultCondition"];
            converge_gateway_id?: string;
        } & (components["schemas"]["GatewayCommon"] & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ExclusiveGateway";
        });
        /** @description Runs every branch whose condition holds. */
        ConditionalParallelGateway: {
            /** @constant */
            type: "ConditionalParallelGateway";
            outgoing?: components["schemas"]["DivergentOutgoing"];
            conditions: components["schemas"]["Conditions"];
            default_condition?: components["schemas"]["DefaultCondition"];
            converge_gateway_id?: string;
        } & (components["schemas"]["GatewayCommon"] & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ConditionalParallelGateway";
        });
        /** @description Joins the branches of a divergent gateway. */
        ConvergeGateway: {
            /** @constant */
            type: "ConvergeGateway";
            outgoing?: string;
        } & (components["schemas"]["GatewayCommon"] & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ConvergeGateway";
        });
        Flow: {
            id: string;
            /** @description The id of the node the flow leaves. */
            source: string;
            /** @description The id of the node the flow enters. */
            target: string;
            is_default?: boolean;
        };
        /**
         * @description A global variable. The published doc lists `key`, `name`, `index`, `desc`, `source_type`,
         *     `custom_type`, `source_tag`, `source_info`; real variables also carry `value`, `show_type`,
         *     `validation`, `is_meta`, `meta`, `form_schema`, `version`, `pre_render_mako`, ….
         */
        Constant: {
            /** @description The same as the dict key, `${key}`. */
            key: string;
            /** @description Display name. */
            name?: string;
            /** @description Display order; renumbered 0..n-1 when the task is created. */
            index?: number;
            desc?: string;
            /**
             * @description `custom`: a manual variable; `component_inputs`: hooked from a node's input;
             *     `component_outputs`: a node's output (always kept in a task).
             * @enum {string}
             */
            source_type?: "custom" | "component_inputs" | "component_outputs" | "system" | "project";
            /** @description For custom variables, e.g. `input`, `textarea`, `datetime`, `int`. */
            custom_type?: string;
            /** @description The plugin and field the variable comes from, e.g. `input.input`. */
            source_tag?: string;
            /**
             * @description `{nodeId: [inputKey, …]}`: the nodes the variable is hooked to; entries of excluded nodes
             *     are removed (possibly leaving `{}`).
             */
            source_info?: {
                [key: string]: string[];
            };
            /** @description The value (any JSON); may hold `${…}` references to other constants. */
            value?: unknown;
            /** @enum {string} */
            show_type?: "show" | "hide";
            /** @description A regular expression the frontend checks (bk-sops does not). */
            validation?: string;
            /** @description A meta variable (e.g. a select whose value holds the options). */
            is_meta?: boolean;
            /** @description In a task, a copy of a meta variable as it was in the template. */
            meta?: Record<string, never>;
            form_schema?: Record<string, never> | string;
            version?: string;
            pre_render_mako?: boolean;
            is_condition_hide?: string | boolean;
            plugin_code?: string;
            /**
             * @description Only in a template read through `get_template_info` (or `get_common_template_info`): the
             *     ItemSchema of the variable's type (`type`, `description`, `enum`), or `null` when bk-sops
             *     has none for it (a plugin it cannot load, a variable class without schema).
             */
            schema?: {
                type?: string;
                description?: string;
                enum?: unknown[];
            } | null;
        };
        Line: {
            /** @description The id of the flow this line draws. */
            id: string;
            source: components["schemas"]["LineEnd"];
            target: components["schemas"]["LineEnd"];
        };
        LineEnd: {
            id: string;
            /** @enum {string} */
            arrow?: "Left" | "Right" | "Top" | "Bottom";
        };
        Location: {
            /** @description The id of the node drawn here. */
            id: string;
            /** @enum {string} */
            type: "startpoint" | "endpoint" | "tasknode" | "subflow" | "parallelgateway" | "branchgateway" | "convergegateway" | "conditionalparallelgateway";
            x: number;
            y: number;
            name?: string;
            stage_name?: string;
        };
        /**
         * @description The task parameters, as this view validates them (`APIGW_CREATE_AND_START_TASK_PARAMS`): only
         *     `name` is required; unknown keys are ignored.
         */
        CreateAndStartTaskParams: {
            /** @example tasktest */
            name: string;
            /**
             * @description `business` (the default) reads a project template of the business; any other value
             *     (`project` included) reads a common template. Stored as sent.
             * @default business
             */
            template_source?: string;
            /**
             * @default common
             * @enum {string}
             */
            flow_type?: "common" | "common_func";
            /**
             * @description Global variable values by key, as for create_task (`{"${key}": value}`).
             * @default {}
             */
            constants?: {
                [key: string]: unknown;
            };
            /**
             * @description Template activity ids of optional nodes not to execute, as for create_task.
             * @default []
             */
            exclude_task_nodes_id?: unknown[];
            /**
             * @description Execution schemes of the template, as for create_task.
             * @default []
             */
            template_schemes_id?: string | number | (string | number)[];
            /** @description The task description. Stored as sent. */
            description?: unknown;
            /** @description Checked as for create_task (before the template lookup). */
            callback_url?: string;
            /** @default cmdb_biz */
            scope?: string;
        };
        GatewayCreateAndStartTaskRequest: components["schemas"]["CreateAndStartTaskParams"] & components["schemas"]["Credentials"];
        CreateAndStartTaskSuccess: {
            /** @constant */
            result: true;
            /** @constant */
            code?: 0;
            data: {
                pipeline_tree: components["schemas"]["PipelineTree"];
                task_id: number;
                /** Format: uri */
                task_url: string;
            };
            /**
             * @description Added by the ESB.
             * @constant
             */
            message?: "";
            trace_id?: string;
            request_id?: string;
        };
        CreateAndStartTaskResponse: components["schemas"]["CreateAndStartTaskSuccess"] | components["schemas"]["BkSopsError"];
        EsbCreateAndStartTaskRequest: components["schemas"]["CreateAndStartTaskParams"] & components["schemas"]["Credentials"] & {
            bk_biz_id: string | number;
            template_id: string | number;
        };
        EsbCreateAndStartTaskResponse: components["schemas"]["CreateAndStartTaskSuccess"] | components["schemas"]["EsbError"];
        /**
         * @description The task parameters, as bk-sops validates them (`gcloud/apigw/schemas.py`). Only `name` is
         *     required. Unknown keys are ignored (the real schema has no `additionalProperties: false`).
         */
        CreateTaskParams: {
            /**
             * @description The task name, 1..100 characters, not trimmed. (50 in late-2019 servers, 40 in early 2019.)
             * @example tasktest
             */
            name: string;
            /**
             * @description Where the template lives. `business` (the doc's name and default) and `project` (the
             *     code's default) both mean a template of the business/project; **any other value** means a
             *     common template and is stored as sent (normally `common`). bk-sops does not type-check
             *     it: `null` or a number also means a common template.
             * @default project
             * @example business
             * @example project
             * @example common
             */
            template_source?: string;
            /**
             * @description `common`: an ordinary task (`current_flow` `execute_task`). `common_func`: a functional
             *     task to be claimed (`current_flow` `func_claim`); the answer adds `function_task_claim_url`.
             * @default common
             * @enum {string}
             */
            flow_type?: "common" | "common_func";
            /**
             * @description Global variable values by key, `{"${key}": value}`. Matching is by the exact key string:
             *     a key in another form, a key the template does not have, or a key of a constant pruned
             *     because no remaining node references it, is silently ignored (it is still recorded in
             *     the task's `extra_info`). Values are not type-checked; their type should be that of the
             *     template's variable as `get_template_info` returns it.
             * @default {}
             * @example {
             *       "${content}": "echo 1",
             *       "${params}": "",
             *       "${script_timeout}": 20
             *     }
             */
            constants?: {
                [key: string]: unknown;
            };
            /**
             * @description Template activity ids (as `get_template_info` returns them, and as `template_node_id`
             *     shows them in the answer) of **optional** nodes not to execute. An id that is not an
             *     activity of the template (a gateway, a duplicate, an unknown id) fails with
             *     `task node[id=<id>] is not in template pipeline tree`; a non-optional node fails with
             *     `task node[id=<id>] is not optional`. Items are not type-checked.
             * @default []
             * @example [
             *       "node880ded556c6c3c269be3cedc64b6"
             *     ]
             */
            exclude_task_nodes_id?: unknown[];
            /**
             * @description When non-empty, replaces `exclude_task_nodes_id`: every activity not listed is excluded,
             *     and leaving out a non-optional node fails with `task node[id=<id>] is not optional`.
             * @default []
             */
            execute_task_nodes_id?: unknown[];
            /**
             * @description Execution schemes of the template: a scheme `unique_id` string or a scheme pk (an integer,
             *     or a digits-only string), or a list of them. Cannot be combined with `pipeline_tree` or
             *     with non-empty `exclude_task_nodes_id`/`execute_task_nodes_id`.
             * @default []
             */
            template_schemes_id?: string | number | (string | number)[];
            /**
             * @description Keys of custom variables to turn into plain textarea inputs (not in the published doc).
             *     bk-sops does not validate it: it makes a Python `set()` of it, so any list of plain values
             *     works (items that are not a key of a custom variable, such as `1`, are ignored), a string
             *     counts as its characters, an object as its keys, and `null` as nothing. A number or a
             *     boolean, or a list holding a list or an object, cannot become a set: creation then fails
             *     (`[API] create_task create pipeline without tree error: 'int' object is not iterable`,
             *     code 3599999). Ignored when `pipeline_tree` is sent.
             * @default []
             * @example [
             *       "${script_content}"
             *     ]
             */
            simplify_vars?: (string | number | boolean | null)[] | string | {
                [key: string]: unknown;
            } | null;
            /**
             * @description When the key is present the task is built from this tree instead of the template's tree;
             *     exclusion, `execute_task_nodes_id` and `simplify_vars` are then ignored and no constant is
             *     pruned (not in the published doc).
             */
            pipeline_tree?: components["schemas"]["PipelineTree"];
            /** @description The task description (not in the published doc). Stored as sent. */
            description?: unknown;
            /**
             * @description A URL bk-sops calls when the task finishes. When non-empty it must match
             *     `^https?://\w.+$`, or the request fails with
             *     `callback_url format error, must match ^https?://\w.+$`.
             */
            callback_url?: string;
            /** @description Stored with `callback_url` when both are given. */
            callback_version?: unknown;
            /**
             * @description How `bk_biz_id` is read: `cmdb_biz` (default) means a CMDB business id; **any other value**
             *     (not type-checked: `null` or a number too) means the internal project id.
             * @default cmdb_biz
             * @example cmdb_biz
             * @example project
             */
            scope?: string;
        };
        /**
         * @description The gateway form's body: the task parameters, optionally with the credentials when the
         *     `X-Bkapi-Authorization` header is absent.
         */
        GatewayCreateTaskRequest: components["schemas"]["CreateTaskParams"] & components["schemas"]["Credentials"];
        /** @description The gateway form's body sent as text; its content is the JSON of the request. */
        GatewayCreateTaskText: string;
        CreateTaskData: {
            /** @description The task instance ID; ids strictly increase. */
            task_id: number;
            /**
             * Format: uri
             * @description `{BK_SOPS_HOST}taskflow/execute/{project_id}/?instance_id={task_id}`. It carries the
             *     internal project id, not `bk_biz_id`. (The published example's `instance_id` does not
             *     match its `task_id`; real answers always match.)
             * @example http://bk_sops_host/taskflow/execute/3/?instance_id=15364
             */
            task_url: string;
            /**
             * @description The created task's tree: template tree with exclusions applied, unreferenced constants
             *     pruned, request constants merged and every id regenerated. Absent for MCP callers.
             */
            pipeline_tree?: components["schemas"]["PipelineTree"];
            /**
             * Format: uri
             * @description Only for `flow_type: common_func`:
             *     `{BK_SOPS_HOST}function/execute/{project_id}/?instance_id={task_id}`.
             */
            function_task_claim_url?: string;
        };
        CreateTaskSuccess: {
            /**
             * @description `true`: the task was created.
             * @constant
             */
            result: true;
            data: components["schemas"]["CreateTaskData"];
            /**
             * @description Always `0` on success (absent in the published example).
             * @constant
             */
            code?: 0;
            /** @description The request's trace id (absent in the published example). */
            trace_id?: string;
            /**
             * @description Absent from bk-sops' answer; the ESB adds `""`.
             * @constant
             */
            message?: "";
            /** @description Added by the ESB. */
            request_id?: string;
        };
        /** @description The answer of bk-sops (gateway form). */
        CreateTaskResponse: components["schemas"]["CreateTaskSuccess"] | components["schemas"]["BkSopsError"];
        /**
         * @description The ESB form's body: credentials, `bk_biz_id`, `template_id` and the task parameters in one
         *     object. The ESB requires `bk_biz_id` and `template_id` (`Parameters error, param <name> is
         *     required`, code 1306406) and `bk_app_code`, `bk_app_secret` (code 1306000).
         */
        EsbCreateTaskRequest: components["schemas"]["CreateTaskParams"] & components["schemas"]["Credentials"] & {
            /**
             * @description The business ID (a string in the doc; digits).
             * @example 2
             */
            bk_biz_id: string | number;
            /**
             * @description The flow template ID (a string in the doc; digits).
             * @example 1
             */
            template_id: string | number;
        };
        /** @description The ESB form's body sent as text; its content is the JSON of the request. */
        EsbCreateTaskText: string;
        /** @description The answer through the ESB. */
        EsbCreateTaskResponse: components["schemas"]["CreateTaskSuccess"] | components["schemas"]["EsbError"];
        /** @description The answer of bk-sops (gateway form), in one of these shapes. */
        GetCommonTemplateListResponse: components["schemas"]["TemplateListSuccess"] | components["schemas"]["BkSopsParamsError"] | components["schemas"]["BkSopsTimezoneError"];
        /** @description The answer through the ESB. */
        EsbGetCommonTemplateListResponse: components["schemas"]["TemplateListSuccess"] | components["schemas"]["EsbError"];
        TaskDetail: {
            /** @description The task id. */
            id: number;
            /** @description The internal project id (not `bk_biz_id`). */
            project_id: number;
            project_name: string;
            name: string;
            /** @description `"%Y-%m-%d %H:%M:%S %z"`. */
            create_time: string;
            creator: string;
            /** @description `api` for tasks created through the API (`mcp` for MCP callers). */
            create_method: string;
            /** @description The template the task was created from. */
            template_id: number | string;
            /** @description `""` until the task is started. */
            start_time: string;
            /** @description `""` until the task finishes or is revoked. */
            finish_time: string;
            /** @description Who started the task (`""` before). */
            executor: string;
            /** @description Whole seconds from start to finish, or to now while running. */
            elapsed_time: number;
            pipeline_tree?: components["schemas"]["PipelineTree"];
            /** Format: uri */
            task_url: string;
            /** @description The task's global variables, as in `pipeline_tree.constants`. */
            constants: {
                [key: string]: components["schemas"]["Constant"];
            };
            /** @description The pipeline's outputs once it has finished (`[]` before). */
            outputs: {
                key: string;
                value: unknown;
                name: string;
            }[];
            /** @description `""` unless the pipeline recorded a failure of its own. */
            ex_data: unknown;
            task_webhook_history?: Record<string, never>[];
        };
        GetTaskDetailSuccess: {
            /** @constant */
            result: true;
            data: components["schemas"]["TaskDetail"];
            /** @constant */
            code?: 0;
            /**
             * @description Added by the ESB.
             * @constant
             */
            message?: "";
            trace_id?: string;
            request_id?: string;
        };
        /** @description A bk-sops error; an invalid `include_*` flag answers the serializer's errors as an object. */
        GetTaskDetailError: {
            /** @constant */
            result: false;
            message: string | {
                [key: string]: string[];
            };
            /** @enum {integer} */
            code?: 3540000 | 3540400 | 3599999;
            data?: null;
            trace_id?: string;
        };
        GetTaskDetailResponse: components["schemas"]["GetTaskDetailSuccess"] | components["schemas"]["GetTaskDetailError"];
        EsbGetTaskDetailError: {
            /** @constant */
            result: false;
            message: string | {
                [key: string]: string[];
            };
            /** @enum {integer} */
            code: 1306000 | 1306406;
            data: null;
            trace_id?: string;
            request_id: string;
        };
        EsbGetTaskDetailResponse: components["schemas"]["GetTaskDetailSuccess"] | components["schemas"]["EsbGetTaskDetailError"];
        /**
         * @description A node the execution has reached: its state row (bamboo's keys, `root_id:` included) with
         *     `histories` (earlier tries of this round) and `history_id`, its data, and
         *     `auto_retry_info`. A node not reached yet: `name`, `error_ignorable`, `state` `READY` and
         *     its data.
         */
        NodeDetail: {
            id?: string;
            /** @enum {string} */
            state: "READY" | "RUNNING" | "SUSPENDED" | "FINISHED" | "FAILED" | "REVOKED";
            "root_id:"?: string;
            parent_id?: string;
            version?: string;
            loop?: number;
            retry?: number;
            skip?: boolean;
            error_ignorable?: boolean;
            error_ignored?: boolean;
            children?: Record<string, never>;
            elapsed_time?: number;
            start_time?: string | null;
            finish_time?: string | null;
            histories?: Record<string, never>[];
            history_id?: number;
            name?: string;
            /** @description Input values by key (rendered with the task's constants). */
            inputs: Record<string, never>;
            outputs: {
                name?: string;
                key: string;
                value: unknown;
                preset: boolean;
            }[];
            /** @description The node's failure (text), `null` when it ran without one, `""` otherwise. */
            ex_data: unknown;
            auto_retry_info?: Record<string, never>;
        };
        GetTaskNodeDetailSuccess: {
            /** @constant */
            result: true;
            data: components["schemas"]["NodeDetail"];
            /** @constant */
            message?: "";
            /** @constant */
            code?: 0;
            trace_id?: string;
            request_id?: string;
        };
        /** @description A bk-sops error; an unknown node answers `data` `{}`. */
        GetTaskNodeDetailError: {
            /** @constant */
            result: false;
            message: string;
            data?: null | Record<string, never>;
            /** @enum {integer} */
            code?: 3540000 | 3540400 | 3599999;
            trace_id?: string;
        };
        GetTaskNodeDetailResponse: components["schemas"]["GetTaskNodeDetailSuccess"] | components["schemas"]["GetTaskNodeDetailError"];
        EsbGetTaskNodeDetailError: {
            /** @constant */
            result: false;
            message: string;
            data: null | Record<string, never>;
            /** @enum {integer} */
            code: 1306000 | 1306406;
            trace_id?: string;
            request_id: string;
        };
        EsbGetTaskNodeDetailResponse: components["schemas"]["GetTaskNodeDetailSuccess"] | components["schemas"]["EsbGetTaskNodeDetailError"];
        /**
         * @description A status tree: the pipeline (or a node) and its children. Keys are bamboo's, including
         *     `root_id:` with its trailing colon, as the engine spells it.
         */
        TaskStatus: {
            /** @description The pipeline instance id (the task's tree `id`), or the node id. */
            id?: string;
            /** @enum {string} */
            state: "CREATED" | "READY" | "RUNNING" | "SUSPENDED" | "BLOCKED" | "FINISHED" | "FAILED" | "REVOKED" | "NODE_SUSPENDED";
            /** @description The pipeline instance id (bamboo's key, colon included). */
            "root_id:"?: string;
            parent_id?: string;
            /** @description The state's version, `v` + 32 hex. */
            version?: string;
            /** @description How many times the flow has reached the node (1 without loops). */
            loop?: number;
            retry?: number;
            /** @description Whether the node was skipped (`0` in the status of a task not started). */
            skip?: boolean | number;
            error_ignorable?: boolean;
            error_ignored?: boolean;
            /** @description The nodes reached so far, by node id. */
            children: {
                [key: string]: components["schemas"]["TaskStatus"];
            };
            /** @description Whole seconds from start to finish, or to now while running. */
            elapsed_time: number;
            /** @description `"%Y-%m-%d %H:%M:%S %z"`, e.g. `2024-05-01 12:00:00 +0800`. */
            start_time: string | null;
            finish_time: string | null;
            /** @description The task's name (the tree) or the node's (`""` for events and gateways). */
            name?: string;
            /** @description With `with_ex_data`, the failure of each failed node, by node id. */
            ex_data?: {
                [key: string]: string | null;
            };
            failed_node_info?: {
                [key: string]: Record<string, never>;
            };
            auto_retry_status?: {
                exist_auto_retry_nodes?: boolean;
                auto_retry_nodes?: string[];
            };
        };
        GetTaskStatusSuccess: {
            /** @constant */
            result: true;
            data: components["schemas"]["TaskStatus"];
            /** @constant */
            code?: 0;
            /** @constant */
            message?: "";
            trace_id?: string;
            request_id?: string;
        };
        GetTaskStatusResponse: components["schemas"]["GetTaskStatusSuccess"] | components["schemas"]["BkSopsError"];
        EsbGetTaskStatusResponse: components["schemas"]["GetTaskStatusSuccess"] | components["schemas"]["EsbError"];
        /** @description The answer of bk-sops (gateway form), in one of these shapes. */
        GetTemplateListResponse: components["schemas"]["TemplateListSuccess"] | components["schemas"]["BkSopsError"] | components["schemas"]["BkSopsParamsError"] | components["schemas"]["BkSopsTimezoneError"];
        /** @description The answer through the ESB. */
        EsbGetTemplateListResponse: components["schemas"]["TemplateListSuccess"] | components["schemas"]["EsbError"];
        TemplateScheme: {
            /** @description The scheme's unique id, what create_task's `template_schemes_id` takes. */
            id: string;
            name: string;
            /** @description The JSON text of the activity ids the scheme runs, e.g. `["n1…","n2…"]`. */
            data: string;
            /** @description `with_constants=true`: the variables a task of this scheme keeps. */
            detail?: {
                constants: {
                    [key: string]: components["schemas"]["Constant"];
                };
            };
        };
        TemplateSchemesSuccess: {
            /** @constant */
            result: true;
            data: components["schemas"]["TemplateScheme"][];
            /** @constant */
            code: 0;
            trace_id?: string;
            /**
             * @description Added by the ESB.
             * @constant
             */
            message?: "";
            /** @description Added by the ESB. */
            request_id?: string;
        };
        /** @description The answer of bk-sops (gateway form). */
        TemplateSchemesResponse: components["schemas"]["TemplateSchemesSuccess"] | components["schemas"]["BkSopsError"];
        /** @description The answer through the ESB. */
        EsbTemplateSchemesResponse: components["schemas"]["TemplateSchemesSuccess"] | components["schemas"]["EsbError"];
        UserProject: {
            /** @description The internal project id (`scope` other than `cmdb_biz` takes it). */
            project_id: number;
            /** @description The CMDB business id the project maps to. */
            bk_biz_id: number;
            name: string;
            /** @description `include_executor_proxy`: the project's executor proxy, `null` when none. */
            executor_proxy?: string | null;
        };
        UserProjectListSuccess: {
            /** @constant */
            result: true;
            data: components["schemas"]["UserProject"][];
            /** @constant */
            code: 0;
            trace_id?: string;
            /**
             * @description Added by the ESB.
             * @constant
             */
            message?: "";
            /** @description Added by the ESB. */
            request_id?: string;
        };
        /** @description The answer of bk-sops (gateway form). */
        UserProjectListResponse: components["schemas"]["UserProjectListSuccess"] | components["schemas"]["BkSopsError"] | components["schemas"]["BkSopsParamsError"];
        /** @description The answer through the ESB. */
        EsbUserProjectListResponse: components["schemas"]["UserProjectListSuccess"] | components["schemas"]["EsbError"];
        /** @description The body; bk-sops reads `action` and `scope`. */
        OperateTaskParams: {
            /**
             * @description `start`, `pause`, `resume` or `revoke`; not type-checked (anything else: `task command is invalid`).
             * @example pause
             */
            action?: unknown;
            /** @default cmdb_biz */
            scope?: string;
        };
        OperateTaskSuccess: {
            /** @constant */
            result: true;
            /** @constant */
            message: "success";
            /** @constant */
            code: 0;
            /** @description Added by the ESB. */
            data?: null;
            trace_id?: string;
            request_id?: string;
        };
        OperateTaskResponse: components["schemas"]["OperateTaskSuccess"] | components["schemas"]["BkSopsError"];
        EsbOperateTaskRequest: components["schemas"]["OperateTaskParams"] & components["schemas"]["Credentials"] & {
            bk_biz_id: string | number;
            task_id: string | number;
        };
        EsbOperateTaskResponse: components["schemas"]["OperateTaskSuccess"] | components["schemas"]["EsbError"];
        /**
         * @description Credentials, `bk_biz_id`, `template_id` (a common template's) and the preview parameters in
         *     one object.
         */
        EsbPreviewCommonTaskTreeRequest: components["schemas"]["PreviewTaskTreeParams"] & components["schemas"]["Credentials"] & components["schemas"]["EsbTemplateIds"];
        /** @description The answer through the ESB. */
        EsbPreviewCommonTaskTreeResponse: components["schemas"]["PreviewTaskTreeSuccess"] | components["schemas"]["EsbError"];
        /**
         * @description The gateway form's body: the preview parameters, optionally with the credentials when the
         *     `X-Bkapi-Authorization` header is absent.
         */
        GatewayPreviewTaskTreeRequest: components["schemas"]["PreviewTaskTreeParams"] & components["schemas"]["Credentials"];
        /** @description The answer of bk-sops (gateway form). */
        PreviewTaskTreeResponse: components["schemas"]["PreviewTaskTreeSuccess"] | components["schemas"]["BkSopsError"];
        /**
         * @description The ESB form's body: credentials, `bk_biz_id`, `template_id` and the preview parameters in
         *     one object. The ESB requires `bk_biz_id` and `template_id` (`Parameters error, param <name>
         *     is required`, code 1306406) and `bk_app_code`, `bk_app_secret` (code 1306000).
         */
        EsbPreviewTaskTreeRequest: components["schemas"]["PreviewTaskTreeParams"] & components["schemas"]["Credentials"] & components["schemas"]["EsbTemplateIds"];
        /** @description The answer through the ESB. */
        EsbPreviewTaskTreeResponse: components["schemas"]["PreviewTaskTreeSuccess"] | components["schemas"]["EsbError"];
        /** @description What bk-sops reads from the body (anything else is ignored). */
        StartTaskParams: {
            /**
             * @description `cmdb_biz`: `bk_biz_id` is a business id; any other value: a project id.
             * @default cmdb_biz
             */
            scope?: string;
        };
        StartTaskSuccess: {
            /**
             * Format: uri
             * @description The task's url (also in `data`).
             */
            task_url: string;
            data: {
                /** Format: uri */
                task_url: string;
            };
            /** @constant */
            result: true;
            /**
             * @description `0` (the published doc's `3545100` is not what the service answers).
             * @constant
             */
            code?: 0;
            /**
             * @description Added by the ESB.
             * @constant
             */
            message?: "";
            trace_id?: string;
            request_id?: string;
        };
        StartTaskResponse: components["schemas"]["StartTaskSuccess"] | components["schemas"]["BkSopsError"];
        EsbStartTaskRequest: components["schemas"]["StartTaskParams"] & components["schemas"]["Credentials"] & {
            bk_biz_id: string | number;
            task_id: string | number;
        };
        EsbStartTaskResponse: components["schemas"]["StartTaskSuccess"] | components["schemas"]["EsbError"];
    };
    responses: {
        /** @description The app has no permission to the resource (code 1640301). */
        GatewayAppNoPermission: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 1640301,
                 *       "code_name": "APP_NO_PERMISSION",
                 *       "message": "App has no permission to the resource",
                 *       "result": false,
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /**
         * @description No resource at that path (the gateway's code 1640401). A `template_id` or `bk_biz_id` that is
         *     not digits passes the gateway's resource (credentials are checked first: 400 when they fail)
         *     and is refused by bk-sops' router, whose 404 is Django's page; the reference server answers
         *     that 404 with this envelope too.
         */
        GatewayApiNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 1640401,
                 *       "code_name": "API_NOT_FOUND",
                 *       "message": "API not found",
                 *       "result": false,
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /**
         * @description Only the operation's own method is allowed. bk-sops (Django `require_POST` / `require_GET`)
         *     answers 405 with an empty body and an `Allow` header naming that method; this toolkit's
         *     reference server adds a JSON envelope body.
         */
        MethodNotAllowed: {
            headers: {
                /** @description The allowed method. */
                Allow: "GET" | "POST";
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "result": false,
                 *       "code": 3540000,
                 *       "message": "method GET is not allowed, use POST"
                 *     }
                 */
                "application/json": components["schemas"]["BkSopsError"];
            };
        };
        /**
         * @description The gateway rejected the credentials (`X-Bkapi-Authorization`, or the query's or the body's
         *     keys): code 1640001, `INVALID_ARGS`, `Parameters error [reason="<reason>"]`, as for create_task.
         */
        GatewayCredentialsRefused: {
            headers: {
                "X-Bkapi-Error-Code": components["headers"]["BkapiErrorCode"];
                "X-Bkapi-Error-Message": components["headers"]["BkapiErrorMessage"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 1640001,
                 *       "code_name": "INVALID_ARGS",
                 *       "message": "Parameters error [reason=\"bk_app_code or bk_app_secret is incorrect\"]",
                 *       "result": false,
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /**
         * @description The body is larger than 1 MiB (1,048,576 bytes). The real service's limit is set by its
         *     gateway and web server; this toolkit's reference server answers this envelope.
         */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "result": false,
                 *       "message": "request body is larger than 1048576 bytes (1 MiB)",
                 *       "code": 3540000
                 *     }
                 */
                "application/json": components["schemas"]["BkSopsError"];
            };
        };
        /**
         * @description The gateway rejected the credentials (`X-Bkapi-Authorization`, or the keys in the query or
         *     the body): code 1640001, `INVALID_ARGS`, `Parameters error [reason="<reason>"]`.
         */
        GatewayInvalidArgs: {
            headers: {
                "X-Bkapi-Error-Code": components["headers"]["BkapiErrorCode"];
                "X-Bkapi-Error-Message": components["headers"]["BkapiErrorMessage"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description The started task, or a bk-sops error (`result` false, still HTTP 200). */
        CreateAndStartTaskResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["CreateAndStartTaskResponse"];
            };
        };
        /** @description The ESB's answer (always HTTP 200). */
        EsbCreateAndStartTaskResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EsbCreateAndStartTaskResponse"];
            };
        };
        /** @description The answer of bk-sops: success, or a bk-sops error (`result: false`, still HTTP 200). */
        GatewayCreateTaskResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["CreateTaskResponse"];
            };
        };
        /**
         * @description The ESB's answer, always HTTP 200: the backend's answer with `code` rewritten and
         *     `message`, `data`, `request_id` added, or an ESB error of its own (code 1306000, 1306406).
         */
        EsbCreateTaskResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EsbCreateTaskResponse"];
            };
        };
        /** @description The answer of bk-sops, HTTP 200 (`result: false` for its refusals). */
        GetCommonTemplateInfoResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TemplateInfoResponse"];
            };
        };
        /** @description The ESB's answer, always HTTP 200 (its own errors as for every operation). */
        EsbGetCommonTemplateInfoResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EsbTemplateInfoResponse"];
            };
        };
        /** @description The answer of bk-sops: the list, or a bk-sops error (`result: false`, still HTTP 200). */
        GatewayCommonTemplateListResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GetCommonTemplateListResponse"];
            };
        };
        /**
         * @description The ESB's answer, always HTTP 200: the backend's answer with `code` rewritten and
         *     `message`, `data`, `request_id` added, or an ESB error of its own (code 1306000).
         */
        EsbCommonTemplateListResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EsbGetCommonTemplateListResponse"];
            };
        };
        /** @description The task's details, or a bk-sops error (`result` false, still HTTP 200). */
        GetTaskDetailResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GetTaskDetailResponse"];
            };
        };
        /** @description The ESB's answer (always HTTP 200). */
        EsbGetTaskDetailResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EsbGetTaskDetailResponse"];
            };
        };
        /** @description The node's details, or a bk-sops error (`result` false, still HTTP 200). */
        GetTaskNodeDetailResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GetTaskNodeDetailResponse"];
            };
        };
        /** @description The ESB's answer (always HTTP 200). */
        EsbGetTaskNodeDetailResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EsbGetTaskNodeDetailResponse"];
            };
        };
        /** @description The status tree, or a bk-sops error (`result` false, still HTTP 200). */
        GetTaskStatusResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GetTaskStatusResponse"];
            };
        };
        /** @description The ESB's answer (always HTTP 200). */
        EsbGetTaskStatusResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EsbGetTaskStatusResponse"];
            };
        };
        /** @description The answer of bk-sops, HTTP 200 (`result: false` for its refusals). */
        GetTemplateInfoResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TemplateInfoResponse"];
            };
        };
        /**
         * @description The ESB's answer, always HTTP 200: the view's answer rewritten, or an ESB error of its own
         *     (credentials: code 1306000; a missing `bk_biz_id` or `template_id`: 1306406).
         */
        EsbGetTemplateInfoResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EsbTemplateInfoResponse"];
            };
        };
        /** @description The answer of bk-sops: the list, or a bk-sops error (`result: false`, still HTTP 200). */
        GatewayTemplateListResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GetTemplateListResponse"];
            };
        };
        /**
         * @description A piece of `id_in` that is not a number: bk-sops hands it to the ORM, whose `int()` fails
         *     unhandled, and Django answers its HTTP 500 page. The reference server answers HTTP 500 with
         *     the exception's text in the envelope.
         */
        IdInNotNumbers: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BkSopsError"];
            };
        };
        /**
         * @description The ESB's answer, always HTTP 200: the backend's answer with `code` rewritten and
         *     `message`, `data`, `request_id` added, or an ESB error of its own (code 1306000, 1306406).
         */
        EsbTemplateListResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EsbGetTemplateListResponse"];
            };
        };
        /** @description The answer of bk-sops, HTTP 200 (`result: false` for its refusals). */
        GetTemplateSchemesResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TemplateSchemesResponse"];
            };
        };
        /** @description The ESB's answer, always HTTP 200 (its own errors as for every operation). */
        EsbGetTemplateSchemesResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EsbTemplateSchemesResponse"];
            };
        };
        /** @description The answer of bk-sops, HTTP 200 (`result: false` for its refusals). */
        GetUserProjectListResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UserProjectListResponse"];
            };
        };
        /** @description The ESB's answer, always HTTP 200 (its own errors as for every operation). */
        EsbGetUserProjectListResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EsbUserProjectListResponse"];
            };
        };
        /** @description The engine's answer, or a bk-sops error (`result` false, still HTTP 200). */
        OperateTaskResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OperateTaskResponse"];
            };
        };
        /** @description The ESB's answer (always HTTP 200). */
        EsbOperateTaskResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EsbOperateTaskResponse"];
            };
        };
        /**
         * @description The ESB's answer, always HTTP 200: the backend's answer with `code` rewritten and
         *     `message`, `data`, `request_id` added, or an ESB error of its own (code 1306000, 1306406).
         */
        EsbPreviewCommonTaskTreeResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EsbPreviewCommonTaskTreeResponse"];
            };
        };
        /** @description The answer of bk-sops: the preview, or a bk-sops error (`result: false`, still HTTP 200). */
        GatewayPreviewTaskTreeResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PreviewTaskTreeResponse"];
            };
        };
        /**
         * @description The ESB's answer, always HTTP 200: the backend's answer with `code` rewritten and
         *     `message`, `data`, `request_id` added, or an ESB error of its own (code 1306000, 1306406).
         */
        EsbPreviewTaskTreeResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EsbPreviewTaskTreeResponse"];
            };
        };
        /** @description The task's url, or a bk-sops error (`result` false, still HTTP 200). */
        StartTaskResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["StartTaskResponse"];
            };
        };
        /** @description The ESB's answer (always HTTP 200). */
        EsbStartTaskResult: {
            headers: {
                "Sops-Trace-Id": components["headers"]["SopsTraceId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EsbStartTaskResponse"];
            };
        };
    };
    parameters: {
        /**
         * @description The caller's credentials, a JSON object as text: `{"bk_app_code": "…", "bk_app_secret": "…",
         *     "bk_token": "…"}` (or `bk_username` for apps exempted from user verification, or
         *     `access_token`). The same header as the `bkapiAuthorization` security scheme, listed here so
         *     that clients get a type for it. When it is absent the gateway reads the same keys from the
         *     query string or the body; when it is present but not a JSON object the gateway answers 400
         *     (`request header X-Bkapi-Authorization is not a valid JSON`).
         * @example {"bk_app_code": "esb_test", "bk_app_secret": "xxx", "bk_token": "xxx"}
         */
        BkapiAuthorization: string;
        /**
         * @description The flow template id (digits only; anything else is answered 404).
         * @example 1
         */
        TemplateId: string;
        /**
         * @description The business id (CMDB). With a `scope` other than `cmdb_biz` in the body it is the internal
         *     project id instead. Digits only.
         * @example 2
         */
        BkBizId: string;
        /**
         * @description The task id (`task_id` of create_task's answer). Digits only.
         * @example 15364
         */
        TaskId: string;
        /**
         * @description How `bk_biz_id` is read: `cmdb_biz` (default) means a CMDB business id; any other value means
         *     the internal project id.
         */
        Scope: string;
        /** @description The app's code (the ESB reads the credentials of a GET from the query string). */
        EsbAppCode: string;
        /** @description The app's secret. */
        EsbAppSecret: string;
        /** @description The user's login token (or give `bk_username`, for apps exempted from user verification). */
        EsbBkToken: string;
        /** @description The user's name, accepted only for apps exempted from user verification. */
        EsbBkUsername: string;
        /**
         * @description Adds `executor_proxy` (project templates only); a boolean as `DrfBoolean` reads it (an
         *     invalid one: see the `invalid_options` example).
         */
        IncludeExecutorProxy: components["schemas"]["DrfBoolean"];
        /** @description Adds `has_subprocess` and `subprocess_has_update` (a boolean, read as `include_executor_proxy`). */
        IncludeSubprocess: components["schemas"]["DrfBoolean"];
        /**
         * @description Adds `template_constants`: the variables the nodes use (as a task would prune them), node
         *     outputs left out, each with its type's name and how many node inputs refer to it.
         */
        IncludeConstants: components["schemas"]["DrfBoolean"];
        /** @description Adds `notify_type` and `notify_receivers` (a boolean, read as `include_executor_proxy`). */
        IncludeNotify: components["schemas"]["DrfBoolean"];
        /** @description Validated as a boolean and otherwise unused. */
        IncludeLabels: components["schemas"]["DrfBoolean"];
        /**
         * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
         *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
         */
        Traceparent: string;
        /** @description The common template id. */
        EsbTemplateId: string;
        /** @description Validated, but changes nothing (common templates have no executor proxy). */
        CommonTemplateListIncludeExecutorProxy: components["schemas"]["DrfBoolean"];
        /** @description Validated, but changes nothing in a list. */
        CommonTemplateListIncludeSubprocess: components["schemas"]["DrfBoolean"];
        /** @description Validated, but changes nothing in a list. */
        CommonTemplateListIncludeConstants: components["schemas"]["DrfBoolean"];
        /** @description Add `notify_type` and `notify_receivers` to every item. */
        CommonTemplateListIncludeNotify: components["schemas"]["DrfBoolean"];
        /** @description Validated, but changes nothing (labels are a project-template feature). */
        CommonTemplateListIncludeLabels: components["schemas"]["DrfBoolean"];
        /** @description Validated, but changes nothing in a list. */
        CommonTemplateListUnfoldSubprocess: components["schemas"]["DrfBoolean"];
        /**
         * @description Validated, but changes nothing in a list; a value other than `json` or `yaml` is refused
         *     (`{"format": ["“<value>” 不是合法选项。"]}`).
         */
        CommonTemplateListFormat: components["schemas"]["TemplateFormat"];
        /**
         * @description The time zone of `create_time` and `edit_time` (default: the site's, Asia/Shanghai). A name
         *     pytz does not know is refused: `expected_timezone <name> is unknown.`, code 3546100, `data: ""`.
         */
        CommonTemplateListExpectedTimezone: components["schemas"]["TimeZoneName"];
        /** @description APP ID (ESB form). */
        CommonTemplateListEsbAppCode: string;
        /** @description APP Secret (ESB form). */
        CommonTemplateListEsbAppSecret: string;
        /** @description The user's login token (ESB form); or `bk_username` for login-exempt apps. */
        CommonTemplateListEsbBkToken: string;
        /** @description The user's name (ESB form), accepted instead of `bk_token` only from login-exempt apps. */
        CommonTemplateListEsbBkUsername: string;
        /**
         * @description `project` (default) or `business`: a template of the business; any other value (normally
         *     `common`): a common template, read whatever the business.
         */
        TemplateSource: string;
        /**
         * @description Adds to each subprocess node a `pipeline` with its template's whole tree, recursively (a
         *     boolean, read as `include_executor_proxy`). A failure answers `format_template_data
         *     failed: <error>`, code 3599999. (The reference server refuses it on a template with
         *     subprocess nodes.)
         */
        UnfoldSubprocess: string;
        /**
         * @description `json` (default) or `yaml` (anything else is refused by the view, see the `invalid_options` example): with `yaml`, `pipeline_tree` is a YAML document as bk-sops' page
         *     export writes it; a failure answers `export yaml failed: <error>` or `convert yaml failed:
         *     <error>`, code 3599999. (The reference server answers `convert yaml failed` to every `yaml`.)
         */
        Format: string;
        /** @description The business id (a project id when `scope` is not `cmdb_biz`). */
        EsbBkBizId: string;
        /** @description The template id. */
        "EsbTemplateId-2": string;
        /**
         * @description `business` (the doc's default) or `project` (the code's default) list the business's
         *     templates; **any other value**, the empty one included, lists every common template.
         */
        TemplateListTemplateSource: string;
        /**
         * @description Only these template ids, comma-separated. Each piece is read as Python's `int()` reads it
         *     (spaces around it allowed, so `1, 6` works); a piece that is not a number is not handled by
         *     bk-sops and fails the request with HTTP 500 (see the 500 response).
         */
        TemplateListIdIn: string;
        /** @description Only templates whose name contains it, ignoring letter case. */
        TemplateListNameKeyword: string;
        /** @description Add `executor_proxy` to project templates. */
        TemplateListIncludeExecutorProxy: components["schemas"]["DrfBoolean"];
        /** @description Validated, but changes nothing in a list. */
        TemplateListIncludeSubprocess: components["schemas"]["DrfBoolean"];
        /** @description Validated, but changes nothing in a list. */
        TemplateListIncludeConstants: components["schemas"]["DrfBoolean"];
        /** @description Add `notify_type` and `notify_receivers` to every item. */
        TemplateListIncludeNotify: components["schemas"]["DrfBoolean"];
        /** @description Add `labels` to project templates (not to common ones). */
        TemplateListIncludeLabels: components["schemas"]["DrfBoolean"];
        /** @description Validated, but changes nothing in a list. */
        TemplateListUnfoldSubprocess: components["schemas"]["DrfBoolean"];
        /**
         * @description Validated, but changes nothing in a list. A value other than `json` or `yaml` is refused with
         *     `{"format": ["“<value>” 不是合法选项。"]}` (Chinese, bk-sops' default language; English
         *     `"<value>" is not a valid choice.` for a caller whose `Accept-Language` asks for it).
         */
        TemplateListFormat: components["schemas"]["TemplateFormat"];
        /**
         * @description The time zone of `create_time` and `edit_time` (default: the site's, Asia/Shanghai). A name
         *     pytz does not know is refused before the view runs: `expected_timezone <name> is unknown.`,
         *     code 3546100, `data: ""`.
         */
        TemplateListExpectedTimezone: components["schemas"]["TimeZoneName"];
        /**
         * @description How `bk_biz_id` is read: `cmdb_biz` (default) means a CMDB business id; any other value means
         *     the internal project id.
         */
        TemplateListScope: string;
        /** @description APP ID (ESB form). */
        TemplateListEsbAppCode: string;
        /** @description APP Secret (ESB form). */
        TemplateListEsbAppSecret: string;
        /** @description The user's login token (ESB form); or `bk_username` for login-exempt apps. */
        TemplateListEsbBkToken: string;
        /** @description The user's name (ESB form), accepted instead of `bk_token` only from login-exempt apps. */
        TemplateListEsbBkUsername: string;
        /** @description The business id (digits), as the path's `{bk_biz_id}` of the gateway form. */
        TemplateListEsbBkBizId: string;
        /** @description `true` (in any case) adds each scheme's `detail`; any other value does not. */
        WithConstants: string;
        /** @description The template id. */
        "EsbTemplateId-3": string;
        /** @description Validated as a boolean and otherwise unused. */
        IncludeStaffGroups: string;
    };
    requestBodies: {
        /** @description The task parameters; credentials may also be sent here when the header is absent. */
        GatewayCreateAndStartTask: {
            content: {
                "application/json": components["schemas"]["GatewayCreateAndStartTaskRequest"];
            };
        };
        /** @description Credentials, business and template ids, and the task parameters, in one object. */
        EsbCreateAndStartTask: {
            content: {
                "application/json": components["schemas"]["EsbCreateAndStartTaskRequest"];
            };
        };
        /**
         * @description The task parameters; credentials may also be sent here when the header is absent. bk-sops
         *     reads the body as JSON whatever its `Content-Type` says (Django's `request.body`), and the
         *     gateway reads credentials from any body that starts with `{`: a JSON text sent as
         *     `text/plain` (what a browser sends without a CORS preflight) is read the same way.
         */
        GatewayCreateTask: {
            content: {
                "application/json": components["schemas"]["GatewayCreateTaskRequest"];
                "text/plain": components["schemas"]["GatewayCreateTaskText"];
            };
        };
        /**
         * @description Credentials, business and template ids, and the task parameters, in one object. The ESB
         *     reads any body that starts with `{` as JSON, whatever its `Content-Type` says.
         */
        EsbCreateTask: {
            content: {
                "application/json": components["schemas"]["EsbCreateTaskRequest"];
                "text/plain": components["schemas"]["EsbCreateTaskText"];
            };
        };
        /** @description The action, and optionally `scope`. */
        GatewayOperateTask: {
            content: {
                "application/json": components["schemas"]["OperateTaskParams"];
            };
        };
        /** @description Credentials, `bk_biz_id`, `task_id` and the action. */
        EsbOperateTask: {
            content: {
                "application/json": components["schemas"]["EsbOperateTaskRequest"];
            };
        };
        /** @description Credentials, business and template ids, and the preview parameters, in one object. */
        EsbPreviewCommonTaskTree: {
            content: {
                "application/json": components["schemas"]["EsbPreviewCommonTaskTreeRequest"];
            };
        };
        /** @description The preview parameters; credentials may also be sent here when the header is absent. */
        GatewayPreviewTaskTree: {
            content: {
                "application/json": components["schemas"]["GatewayPreviewTaskTreeRequest"];
            };
        };
        /** @description Credentials, business and template ids, and the preview parameters, in one object. */
        EsbPreviewTaskTree: {
            content: {
                "application/json": components["schemas"]["EsbPreviewTaskTreeRequest"];
            };
        };
        /** @description Optional; a JSON object whose `scope` says how `bk_biz_id` is read. */
        GatewayStartTask: {
            content: {
                "application/json": components["schemas"]["StartTaskParams"];
            };
        };
        /** @description Credentials, `bk_biz_id` and `task_id`, and optionally `scope`. */
        EsbStartTask: {
            content: {
                "application/json": components["schemas"]["EsbStartTaskRequest"];
            };
        };
    };
    headers: {
        /** @description The trace id of the request (the `Traceparent` header, or a generated uuid4 hex). */
        SopsTraceId: string;
        /** @description The gateway's error code, as in the body. */
        BkapiErrorCode: string;
        /** @description The gateway's error message, as in the body. */
        BkapiErrorMessage: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createAndStartTask: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path: {
                /**
                 * @description The flow template id (digits only; anything else is answered 404).
                 * @example 1
                 */
                template_id: components["parameters"]["TemplateId"];
                /**
                 * @description The business id (CMDB). With a `scope` other than `cmdb_biz` in the body it is the internal
                 *     project id instead. Digits only.
                 * @example 2
                 */
                bk_biz_id: components["parameters"]["BkBizId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["GatewayCreateAndStartTask"];
        responses: {
            200: components["responses"]["CreateAndStartTaskResult"];
            400: components["responses"]["GatewayCredentialsRefused"];
            404: components["responses"]["GatewayApiNotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    createAndStartTaskEsb: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["EsbCreateAndStartTask"];
        responses: {
            200: components["responses"]["EsbCreateAndStartTaskResult"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The caller's credentials, a JSON object as text: `{"bk_app_code": "…", "bk_app_secret": "…",
                 *     "bk_token": "…"}` (or `bk_username` for apps exempted from user verification, or
                 *     `access_token`). The same header as the `bkapiAuthorization` security scheme, listed here so
                 *     that clients get a type for it. When it is absent the gateway reads the same keys from the
                 *     query string or the body; when it is present but not a JSON object the gateway answers 400
                 *     (`request header X-Bkapi-Authorization is not a valid JSON`).
                 * @example {"bk_app_code": "esb_test", "bk_app_secret": "xxx", "bk_token": "xxx"}
                 */
                "X-Bkapi-Authorization"?: components["parameters"]["BkapiAuthorization"];
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path: {
                /**
                 * @description The flow template id (digits only; anything else is answered 404).
                 * @example 1
                 */
                template_id: components["parameters"]["TemplateId"];
                /**
                 * @description The business id (CMDB). With a `scope` other than `cmdb_biz` in the body it is the internal
                 *     project id instead. Digits only.
                 * @example 2
                 */
                bk_biz_id: components["parameters"]["BkBizId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["GatewayCreateTask"];
        responses: {
            200: components["responses"]["GatewayCreateTaskResult"];
            400: components["responses"]["GatewayInvalidArgs"];
            403: components["responses"]["GatewayAppNoPermission"];
            404: components["responses"]["GatewayApiNotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    createTaskEsb: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["EsbCreateTask"];
        responses: {
            200: components["responses"]["EsbCreateTaskResult"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    getCommonTemplateInfo: {
        parameters: {
            query?: {
                /**
                 * @description Adds `executor_proxy` (project templates only); a boolean as `DrfBoolean` reads it (an
                 *     invalid one: see the `invalid_options` example).
                 */
                include_executor_proxy?: components["parameters"]["IncludeExecutorProxy"];
                /** @description Adds `has_subprocess` and `subprocess_has_update` (a boolean, read as `include_executor_proxy`). */
                include_subprocess?: components["parameters"]["IncludeSubprocess"];
                /**
                 * @description Adds `template_constants`: the variables the nodes use (as a task would prune them), node
                 *     outputs left out, each with its type's name and how many node inputs refer to it.
                 */
                include_constants?: components["parameters"]["IncludeConstants"];
                /** @description Adds `notify_type` and `notify_receivers` (a boolean, read as `include_executor_proxy`). */
                include_notify?: components["parameters"]["IncludeNotify"];
                /** @description Validated as a boolean and otherwise unused. */
                include_labels?: components["parameters"]["IncludeLabels"];
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path: {
                /**
                 * @description The flow template id (digits only; anything else is answered 404).
                 * @example 1
                 */
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["GetCommonTemplateInfoResult"];
            400: components["responses"]["GatewayInvalidArgs"];
            403: components["responses"]["GatewayAppNoPermission"];
            404: components["responses"]["GatewayApiNotFound"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getCommonTemplateInfoEsb: {
        parameters: {
            query: {
                /** @description The app's code (the ESB reads the credentials of a GET from the query string). */
                bk_app_code: components["parameters"]["EsbAppCode"];
                /** @description The app's secret. */
                bk_app_secret: components["parameters"]["EsbAppSecret"];
                /** @description The user's login token (or give `bk_username`, for apps exempted from user verification). */
                bk_token?: components["parameters"]["EsbBkToken"];
                /** @description The user's name, accepted only for apps exempted from user verification. */
                bk_username?: components["parameters"]["EsbBkUsername"];
                /** @description The common template id. */
                template_id: components["parameters"]["EsbTemplateId"];
                /**
                 * @description Adds `executor_proxy` (project templates only); a boolean as `DrfBoolean` reads it (an
                 *     invalid one: see the `invalid_options` example).
                 */
                include_executor_proxy?: components["parameters"]["IncludeExecutorProxy"];
                /** @description Adds `has_subprocess` and `subprocess_has_update` (a boolean, read as `include_executor_proxy`). */
                include_subprocess?: components["parameters"]["IncludeSubprocess"];
                /**
                 * @description Adds `template_constants`: the variables the nodes use (as a task would prune them), node
                 *     outputs left out, each with its type's name and how many node inputs refer to it.
                 */
                include_constants?: components["parameters"]["IncludeConstants"];
                /** @description Adds `notify_type` and `notify_receivers` (a boolean, read as `include_executor_proxy`). */
                include_notify?: components["parameters"]["IncludeNotify"];
                /** @description Validated as a boolean and otherwise unused. */
                include_labels?: components["parameters"]["IncludeLabels"];
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EsbGetCommonTemplateInfoResult"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getCommonTemplateList: {
        parameters: {
            query?: {
                /** @description Validated, but changes nothing (common templates have no executor proxy). */
                include_executor_proxy?: components["parameters"]["CommonTemplateListIncludeExecutorProxy"];
                /** @description Validated, but changes nothing in a list. */
                include_subprocess?: components["parameters"]["CommonTemplateListIncludeSubprocess"];
                /** @description Validated, but changes nothing in a list. */
                include_constants?: components["parameters"]["CommonTemplateListIncludeConstants"];
                /** @description Add `notify_type` and `notify_receivers` to every item. */
                include_notify?: components["parameters"]["CommonTemplateListIncludeNotify"];
                /** @description Validated, but changes nothing (labels are a project-template feature). */
                include_labels?: components["parameters"]["CommonTemplateListIncludeLabels"];
                /** @description Validated, but changes nothing in a list. */
                unfold_subprocess?: components["parameters"]["CommonTemplateListUnfoldSubprocess"];
                /**
                 * @description Validated, but changes nothing in a list; a value other than `json` or `yaml` is refused
                 *     (`{"format": ["“<value>” 不是合法选项。"]}`).
                 */
                format?: components["parameters"]["CommonTemplateListFormat"];
                /**
                 * @description The time zone of `create_time` and `edit_time` (default: the site's, Asia/Shanghai). A name
                 *     pytz does not know is refused: `expected_timezone <name> is unknown.`, code 3546100, `data: ""`.
                 */
                expected_timezone?: components["parameters"]["CommonTemplateListExpectedTimezone"];
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["GatewayCommonTemplateListResult"];
            400: components["responses"]["GatewayInvalidArgs"];
            403: components["responses"]["GatewayAppNoPermission"];
            404: components["responses"]["GatewayApiNotFound"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getCommonTemplateListEsb: {
        parameters: {
            query: {
                /** @description APP ID (ESB form). */
                bk_app_code: components["parameters"]["CommonTemplateListEsbAppCode"];
                /** @description APP Secret (ESB form). */
                bk_app_secret: components["parameters"]["CommonTemplateListEsbAppSecret"];
                /** @description The user's login token (ESB form); or `bk_username` for login-exempt apps. */
                bk_token?: components["parameters"]["CommonTemplateListEsbBkToken"];
                /** @description The user's name (ESB form), accepted instead of `bk_token` only from login-exempt apps. */
                bk_username?: components["parameters"]["CommonTemplateListEsbBkUsername"];
                /** @description Validated, but changes nothing (common templates have no executor proxy). */
                include_executor_proxy?: components["parameters"]["CommonTemplateListIncludeExecutorProxy"];
                /** @description Validated, but changes nothing in a list. */
                include_subprocess?: components["parameters"]["CommonTemplateListIncludeSubprocess"];
                /** @description Validated, but changes nothing in a list. */
                include_constants?: components["parameters"]["CommonTemplateListIncludeConstants"];
                /** @description Add `notify_type` and `notify_receivers` to every item. */
                include_notify?: components["parameters"]["CommonTemplateListIncludeNotify"];
                /** @description Validated, but changes nothing (labels are a project-template feature). */
                include_labels?: components["parameters"]["CommonTemplateListIncludeLabels"];
                /** @description Validated, but changes nothing in a list. */
                unfold_subprocess?: components["parameters"]["CommonTemplateListUnfoldSubprocess"];
                /**
                 * @description Validated, but changes nothing in a list; a value other than `json` or `yaml` is refused
                 *     (`{"format": ["“<value>” 不是合法选项。"]}`).
                 */
                format?: components["parameters"]["CommonTemplateListFormat"];
                /**
                 * @description The time zone of `create_time` and `edit_time` (default: the site's, Asia/Shanghai). A name
                 *     pytz does not know is refused: `expected_timezone <name> is unknown.`, code 3546100, `data: ""`.
                 */
                expected_timezone?: components["parameters"]["CommonTemplateListExpectedTimezone"];
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EsbCommonTemplateListResult"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getTaskDetail: {
        parameters: {
            query?: {
                /** @description A boolean (`true`, `false`, `1`, `0`, `yes`, `no`, …); checked, changes nothing. */
                include_edit_info?: string;
                /** @description A boolean; `true` adds `task_webhook_history` (the webhook deliveries of the task). */
                include_webhook_history?: string;
                /** @description A boolean; checked, changes nothing. */
                include_children_status?: string;
                /**
                 * @description How `bk_biz_id` is read: `cmdb_biz` (default) means a CMDB business id; any other value means
                 *     the internal project id.
                 */
                scope?: components["parameters"]["Scope"];
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path: {
                /**
                 * @description The task id (`task_id` of create_task's answer). Digits only.
                 * @example 15364
                 */
                task_id: components["parameters"]["TaskId"];
                /**
                 * @description The business id (CMDB). With a `scope` other than `cmdb_biz` in the body it is the internal
                 *     project id instead. Digits only.
                 * @example 2
                 */
                bk_biz_id: components["parameters"]["BkBizId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["GetTaskDetailResult"];
            400: components["responses"]["GatewayCredentialsRefused"];
            404: components["responses"]["GatewayApiNotFound"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getTaskDetailEsb: {
        parameters: {
            query: {
                /** @description APP ID (a GET carries the credentials in its query). */
                bk_app_code: string;
                /** @description APP Secret. */
                bk_app_secret: string;
                /** @description The user's login token (or `bk_username` for login-exempt apps). */
                bk_token?: string;
                /** @description The business id (digits). The ESB needs it (code 1306406 without it). */
                bk_biz_id?: string;
                /** @description The task id (digits). The ESB needs it (code 1306406 without it). */
                task_id?: string;
                /** @description A boolean (`true`, `false`, `1`, `0`, …); read but changes nothing. */
                include_edit_info?: string;
                /** @description A boolean: add `task_webhook_history`. */
                include_webhook_history?: string;
                /** @description A boolean; read but changes nothing. */
                include_children_status?: string;
                /** @description `cmdb_biz` (default): `bk_biz_id` is a business id; any other value: a project id. */
                scope?: string;
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EsbGetTaskDetailResult"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getTaskNodeDetail: {
        parameters: {
            query?: {
                /** @description The node's id in the task (one of the ids of its `pipeline_tree`). */
                node_id?: string;
                /** @description The plugin's code: the outputs then list the plugin's declared outputs first. */
                component_code?: string;
                /**
                 * @description A JSON list of the subprocess node ids leading to the node, outermost first (default
                 *     `[]`: a node of the task's own pipeline).
                 */
                subprocess_stack?: string;
                /** @description Which round of the node (an integer; default the latest). */
                loop?: string;
                /**
                 * @description How `bk_biz_id` is read: `cmdb_biz` (default) means a CMDB business id; any other value means
                 *     the internal project id.
                 */
                scope?: components["parameters"]["Scope"];
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path: {
                /**
                 * @description The task id (`task_id` of create_task's answer). Digits only.
                 * @example 15364
                 */
                task_id: components["parameters"]["TaskId"];
                /**
                 * @description The business id (CMDB). With a `scope` other than `cmdb_biz` in the body it is the internal
                 *     project id instead. Digits only.
                 * @example 2
                 */
                bk_biz_id: components["parameters"]["BkBizId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["GetTaskNodeDetailResult"];
            400: components["responses"]["GatewayCredentialsRefused"];
            404: components["responses"]["GatewayApiNotFound"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getTaskNodeDetailEsb: {
        parameters: {
            query: {
                /** @description APP ID (a GET carries the credentials in its query). */
                bk_app_code: string;
                /** @description APP Secret. */
                bk_app_secret: string;
                /** @description The user's login token (or `bk_username` for login-exempt apps). */
                bk_token?: string;
                /** @description The business id (digits). The ESB needs it (code 1306406 without it). */
                bk_biz_id?: string;
                /** @description The task id (digits). The ESB needs it (code 1306406 without it). */
                task_id?: string;
                /** @description The node's id in the task (a node id of the task's `pipeline_tree`). */
                node_id?: string;
                /** @description The plugin's code: the outputs then list the plugin's declared outputs first. */
                component_code?: string;
                /**
                 * @description A JSON list of the subprocess node ids leading to the node, outermost first (default
                 *     `[]`: a node of the task's own pipeline).
                 */
                subprocess_stack?: string;
                /** @description Which round of the node (default the latest). */
                loop?: string;
                /** @description `cmdb_biz` (default): `bk_biz_id` is a business id; any other value: a project id. */
                scope?: string;
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EsbGetTaskNodeDetailResult"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getTaskStatus: {
        parameters: {
            query?: {
                /**
                 * @description The id of a subprocess node of the task (at any depth): its status tree is answered
                 *     instead, its children named `""`; `CREATED` when the node has not been reached.
                 */
                subprocess_id?: string;
                /**
                 * @description Any non-empty value (even `false`: it is read as a Python string) adds `ex_data`, the
                 *     failure message of each failed node, when the task is `FAILED`.
                 */
                with_ex_data?: string;
                /** @description Any non-empty value adds `failed_node_info` (auto-retry details by failed node id). */
                with_failed_node_info?: string;
                /** @description Any non-empty value adds `auto_retry_status`. */
                with_auto_retry_status?: string;
                /**
                 * @description How `bk_biz_id` is read: `cmdb_biz` (default) means a CMDB business id; any other value means
                 *     the internal project id.
                 */
                scope?: components["parameters"]["Scope"];
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path: {
                /**
                 * @description The task id (`task_id` of create_task's answer). Digits only.
                 * @example 15364
                 */
                task_id: components["parameters"]["TaskId"];
                /**
                 * @description The business id (CMDB). With a `scope` other than `cmdb_biz` in the body it is the internal
                 *     project id instead. Digits only.
                 * @example 2
                 */
                bk_biz_id: components["parameters"]["BkBizId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["GetTaskStatusResult"];
            400: components["responses"]["GatewayCredentialsRefused"];
            404: components["responses"]["GatewayApiNotFound"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getTaskStatusEsb: {
        parameters: {
            query: {
                /** @description APP ID (a GET carries the credentials in its query). */
                bk_app_code: string;
                /** @description APP Secret. */
                bk_app_secret: string;
                /** @description The user's login token (or `bk_username` for login-exempt apps). */
                bk_token?: string;
                /** @description The business id (digits). The ESB needs it (code 1306406 without it). */
                bk_biz_id?: string;
                /** @description The task id (digits). The ESB needs it (code 1306406 without it). */
                task_id?: string;
                /** @description The id of a subprocess node: answer that node's status tree instead. */
                subprocess_id?: string;
                /** @description When present and not empty: add `ex_data`, the failure of each failed node. */
                with_ex_data?: string;
                /** @description When present and not empty: add `failed_node_info`. */
                with_failed_node_info?: string;
                /** @description When present and not empty: add `auto_retry_status`. */
                with_auto_retry_status?: string;
                /** @description `cmdb_biz` (default): `bk_biz_id` is a business id; any other value: a project id. */
                scope?: string;
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EsbGetTaskStatusResult"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getTemplateInfo: {
        parameters: {
            query?: {
                /**
                 * @description `project` (default) or `business`: a template of the business; any other value (normally
                 *     `common`): a common template, read whatever the business.
                 */
                template_source?: components["parameters"]["TemplateSource"];
                /**
                 * @description Adds `executor_proxy` (project templates only); a boolean as `DrfBoolean` reads it (an
                 *     invalid one: see the `invalid_options` example).
                 */
                include_executor_proxy?: components["parameters"]["IncludeExecutorProxy"];
                /** @description Adds `has_subprocess` and `subprocess_has_update` (a boolean, read as `include_executor_proxy`). */
                include_subprocess?: components["parameters"]["IncludeSubprocess"];
                /**
                 * @description Adds `template_constants`: the variables the nodes use (as a task would prune them), node
                 *     outputs left out, each with its type's name and how many node inputs refer to it.
                 */
                include_constants?: components["parameters"]["IncludeConstants"];
                /** @description Adds `notify_type` and `notify_receivers` (a boolean, read as `include_executor_proxy`). */
                include_notify?: components["parameters"]["IncludeNotify"];
                /** @description Validated as a boolean and otherwise unused. */
                include_labels?: components["parameters"]["IncludeLabels"];
                /**
                 * @description Adds to each subprocess node a `pipeline` with its template's whole tree, recursively (a
                 *     boolean, read as `include_executor_proxy`). A failure answers `format_template_data
                 *     failed: <error>`, code 3599999. (The reference server refuses it on a template with
                 *     subprocess nodes.)
                 */
                unfold_subprocess?: components["parameters"]["UnfoldSubprocess"];
                /**
                 * @description `json` (default) or `yaml` (anything else is refused by the view, see the `invalid_options` example): with `yaml`, `pipeline_tree` is a YAML document as bk-sops' page
                 *     export writes it; a failure answers `export yaml failed: <error>` or `convert yaml failed:
                 *     <error>`, code 3599999. (The reference server answers `convert yaml failed` to every `yaml`.)
                 */
                format?: components["parameters"]["Format"];
                /**
                 * @description How `bk_biz_id` is read: `cmdb_biz` (default) means a CMDB business id; any other value means
                 *     the internal project id.
                 */
                scope?: components["parameters"]["Scope"];
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path: {
                /**
                 * @description The flow template id (digits only; anything else is answered 404).
                 * @example 1
                 */
                template_id: components["parameters"]["TemplateId"];
                /**
                 * @description The business id (CMDB). With a `scope` other than `cmdb_biz` in the body it is the internal
                 *     project id instead. Digits only.
                 * @example 2
                 */
                bk_biz_id: components["parameters"]["BkBizId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["GetTemplateInfoResult"];
            400: components["responses"]["GatewayInvalidArgs"];
            403: components["responses"]["GatewayAppNoPermission"];
            404: components["responses"]["GatewayApiNotFound"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getTemplateInfoEsb: {
        parameters: {
            query: {
                /** @description The app's code (the ESB reads the credentials of a GET from the query string). */
                bk_app_code: components["parameters"]["EsbAppCode"];
                /** @description The app's secret. */
                bk_app_secret: components["parameters"]["EsbAppSecret"];
                /** @description The user's login token (or give `bk_username`, for apps exempted from user verification). */
                bk_token?: components["parameters"]["EsbBkToken"];
                /** @description The user's name, accepted only for apps exempted from user verification. */
                bk_username?: components["parameters"]["EsbBkUsername"];
                /** @description The business id (a project id when `scope` is not `cmdb_biz`). */
                bk_biz_id: components["parameters"]["EsbBkBizId"];
                /** @description The template id. */
                template_id: components["parameters"]["EsbTemplateId-2"];
                /**
                 * @description `project` (default) or `business`: a template of the business; any other value (normally
                 *     `common`): a common template, read whatever the business.
                 */
                template_source?: components["parameters"]["TemplateSource"];
                /**
                 * @description Adds `executor_proxy` (project templates only); a boolean as `DrfBoolean` reads it (an
                 *     invalid one: see the `invalid_options` example).
                 */
                include_executor_proxy?: components["parameters"]["IncludeExecutorProxy"];
                /** @description Adds `has_subprocess` and `subprocess_has_update` (a boolean, read as `include_executor_proxy`). */
                include_subprocess?: components["parameters"]["IncludeSubprocess"];
                /**
                 * @description Adds `template_constants`: the variables the nodes use (as a task would prune them), node
                 *     outputs left out, each with its type's name and how many node inputs refer to it.
                 */
                include_constants?: components["parameters"]["IncludeConstants"];
                /** @description Adds `notify_type` and `notify_receivers` (a boolean, read as `include_executor_proxy`). */
                include_notify?: components["parameters"]["IncludeNotify"];
                /** @description Validated as a boolean and otherwise unused. */
                include_labels?: components["parameters"]["IncludeLabels"];
                /**
                 * @description Adds to each subprocess node a `pipeline` with its template's whole tree, recursively (a
                 *     boolean, read as `include_executor_proxy`). A failure answers `format_template_data
                 *     failed: <error>`, code 3599999. (The reference server refuses it on a template with
                 *     subprocess nodes.)
                 */
                unfold_subprocess?: components["parameters"]["UnfoldSubprocess"];
                /**
                 * @description `json` (default) or `yaml` (anything else is refused by the view, see the `invalid_options` example): with `yaml`, `pipeline_tree` is a YAML document as bk-sops' page
                 *     export writes it; a failure answers `export yaml failed: <error>` or `convert yaml failed:
                 *     <error>`, code 3599999. (The reference server answers `convert yaml failed` to every `yaml`.)
                 */
                format?: components["parameters"]["Format"];
                /**
                 * @description How `bk_biz_id` is read: `cmdb_biz` (default) means a CMDB business id; any other value means
                 *     the internal project id.
                 */
                scope?: components["parameters"]["Scope"];
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EsbGetTemplateInfoResult"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getTemplateList: {
        parameters: {
            query?: {
                /**
                 * @description `business` (the doc's default) or `project` (the code's default) list the business's
                 *     templates; **any other value**, the empty one included, lists every common template.
                 */
                template_source?: components["parameters"]["TemplateListTemplateSource"];
                /**
                 * @description Only these template ids, comma-separated. Each piece is read as Python's `int()` reads it
                 *     (spaces around it allowed, so `1, 6` works); a piece that is not a number is not handled by
                 *     bk-sops and fails the request with HTTP 500 (see the 500 response).
                 */
                id_in?: components["parameters"]["TemplateListIdIn"];
                /** @description Only templates whose name contains it, ignoring letter case. */
                name_keyword?: components["parameters"]["TemplateListNameKeyword"];
                /** @description Add `executor_proxy` to project templates. */
                include_executor_proxy?: components["parameters"]["TemplateListIncludeExecutorProxy"];
                /** @description Validated, but changes nothing in a list. */
                include_subprocess?: components["parameters"]["TemplateListIncludeSubprocess"];
                /** @description Validated, but changes nothing in a list. */
                include_constants?: components["parameters"]["TemplateListIncludeConstants"];
                /** @description Add `notify_type` and `notify_receivers` to every item. */
                include_notify?: components["parameters"]["TemplateListIncludeNotify"];
                /** @description Add `labels` to project templates (not to common ones). */
                include_labels?: components["parameters"]["TemplateListIncludeLabels"];
                /** @description Validated, but changes nothing in a list. */
                unfold_subprocess?: components["parameters"]["TemplateListUnfoldSubprocess"];
                /**
                 * @description Validated, but changes nothing in a list. A value other than `json` or `yaml` is refused with
                 *     `{"format": ["“<value>” 不是合法选项。"]}` (Chinese, bk-sops' default language; English
                 *     `"<value>" is not a valid choice.` for a caller whose `Accept-Language` asks for it).
                 */
                format?: components["parameters"]["TemplateListFormat"];
                /**
                 * @description The time zone of `create_time` and `edit_time` (default: the site's, Asia/Shanghai). A name
                 *     pytz does not know is refused before the view runs: `expected_timezone <name> is unknown.`,
                 *     code 3546100, `data: ""`.
                 */
                expected_timezone?: components["parameters"]["TemplateListExpectedTimezone"];
                /**
                 * @description How `bk_biz_id` is read: `cmdb_biz` (default) means a CMDB business id; any other value means
                 *     the internal project id.
                 */
                scope?: components["parameters"]["TemplateListScope"];
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path: {
                /**
                 * @description The business id (CMDB). With a `scope` other than `cmdb_biz` in the body it is the internal
                 *     project id instead. Digits only.
                 * @example 2
                 */
                bk_biz_id: components["parameters"]["BkBizId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["GatewayTemplateListResult"];
            400: components["responses"]["GatewayInvalidArgs"];
            403: components["responses"]["GatewayAppNoPermission"];
            404: components["responses"]["GatewayApiNotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["IdInNotNumbers"];
        };
    };
    getTemplateListEsb: {
        parameters: {
            query: {
                /** @description APP ID (ESB form). */
                bk_app_code: components["parameters"]["TemplateListEsbAppCode"];
                /** @description APP Secret (ESB form). */
                bk_app_secret: components["parameters"]["TemplateListEsbAppSecret"];
                /** @description The user's login token (ESB form); or `bk_username` for login-exempt apps. */
                bk_token?: components["parameters"]["TemplateListEsbBkToken"];
                /** @description The user's name (ESB form), accepted instead of `bk_token` only from login-exempt apps. */
                bk_username?: components["parameters"]["TemplateListEsbBkUsername"];
                /** @description The business id (digits), as the path's `{bk_biz_id}` of the gateway form. */
                bk_biz_id: components["parameters"]["TemplateListEsbBkBizId"];
                /**
                 * @description `business` (the doc's default) or `project` (the code's default) list the business's
                 *     templates; **any other value**, the empty one included, lists every common template.
                 */
                template_source?: components["parameters"]["TemplateListTemplateSource"];
                /**
                 * @description Only these template ids, comma-separated. Each piece is read as Python's `int()` reads it
                 *     (spaces around it allowed, so `1, 6` works); a piece that is not a number is not handled by
                 *     bk-sops and fails the request with HTTP 500 (see the 500 response).
                 */
                id_in?: components["parameters"]["TemplateListIdIn"];
                /** @description Only templates whose name contains it, ignoring letter case. */
                name_keyword?: components["parameters"]["TemplateListNameKeyword"];
                /** @description Add `executor_proxy` to project templates. */
                include_executor_proxy?: components["parameters"]["TemplateListIncludeExecutorProxy"];
                /** @description Validated, but changes nothing in a list. */
                include_subprocess?: components["parameters"]["TemplateListIncludeSubprocess"];
                /** @description Validated, but changes nothing in a list. */
                include_constants?: components["parameters"]["TemplateListIncludeConstants"];
                /** @description Add `notify_type` and `notify_receivers` to every item. */
                include_notify?: components["parameters"]["TemplateListIncludeNotify"];
                /** @description Add `labels` to project templates (not to common ones). */
                include_labels?: components["parameters"]["TemplateListIncludeLabels"];
                /** @description Validated, but changes nothing in a list. */
                unfold_subprocess?: components["parameters"]["TemplateListUnfoldSubprocess"];
                /**
                 * @description Validated, but changes nothing in a list. A value other than `json` or `yaml` is refused with
                 *     `{"format": ["“<value>” 不是合法选项。"]}` (Chinese, bk-sops' default language; English
                 *     `"<value>" is not a valid choice.` for a caller whose `Accept-Language` asks for it).
                 */
                format?: components["parameters"]["TemplateListFormat"];
                /**
                 * @description The time zone of `create_time` and `edit_time` (default: the site's, Asia/Shanghai). A name
                 *     pytz does not know is refused before the view runs: `expected_timezone <name> is unknown.`,
                 *     code 3546100, `data: ""`.
                 */
                expected_timezone?: components["parameters"]["TemplateListExpectedTimezone"];
                /**
                 * @description How `bk_biz_id` is read: `cmdb_biz` (default) means a CMDB business id; any other value means
                 *     the internal project id.
                 */
                scope?: components["parameters"]["TemplateListScope"];
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EsbTemplateListResult"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getTemplateSchemes: {
        parameters: {
            query?: {
                /** @description `true` (in any case) adds each scheme's `detail`; any other value does not. */
                with_constants?: components["parameters"]["WithConstants"];
                /**
                 * @description How `bk_biz_id` is read: `cmdb_biz` (default) means a CMDB business id; any other value means
                 *     the internal project id.
                 */
                scope?: components["parameters"]["Scope"];
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path: {
                /**
                 * @description The business id (CMDB). With a `scope` other than `cmdb_biz` in the body it is the internal
                 *     project id instead. Digits only.
                 * @example 2
                 */
                bk_biz_id: components["parameters"]["BkBizId"];
                /**
                 * @description The flow template id (digits only; anything else is answered 404).
                 * @example 1
                 */
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["GetTemplateSchemesResult"];
            400: components["responses"]["GatewayInvalidArgs"];
            403: components["responses"]["GatewayAppNoPermission"];
            404: components["responses"]["GatewayApiNotFound"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getTemplateSchemesEsb: {
        parameters: {
            query: {
                /** @description The app's code (the ESB reads the credentials of a GET from the query string). */
                bk_app_code: components["parameters"]["EsbAppCode"];
                /** @description The app's secret. */
                bk_app_secret: components["parameters"]["EsbAppSecret"];
                /** @description The user's login token (or give `bk_username`, for apps exempted from user verification). */
                bk_token?: components["parameters"]["EsbBkToken"];
                /** @description The user's name, accepted only for apps exempted from user verification. */
                bk_username?: components["parameters"]["EsbBkUsername"];
                /** @description The business id (a project id when `scope` is not `cmdb_biz`). */
                bk_biz_id: components["parameters"]["EsbBkBizId"];
                /** @description The template id. */
                template_id: components["parameters"]["EsbTemplateId-3"];
                /** @description `true` (in any case) adds each scheme's `detail`; any other value does not. */
                with_constants?: components["parameters"]["WithConstants"];
                /**
                 * @description How `bk_biz_id` is read: `cmdb_biz` (default) means a CMDB business id; any other value means
                 *     the internal project id.
                 */
                scope?: components["parameters"]["Scope"];
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EsbGetTemplateSchemesResult"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getUserProjectList: {
        parameters: {
            query?: {
                /**
                 * @description Adds `executor_proxy` (project templates only); a boolean as `DrfBoolean` reads it (an
                 *     invalid one: see the `invalid_options` example).
                 */
                include_executor_proxy?: components["parameters"]["IncludeExecutorProxy"];
                /** @description Validated as a boolean and otherwise unused. */
                include_staff_groups?: components["parameters"]["IncludeStaffGroups"];
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["GetUserProjectListResult"];
            400: components["responses"]["GatewayInvalidArgs"];
            403: components["responses"]["GatewayAppNoPermission"];
            404: components["responses"]["GatewayApiNotFound"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    getUserProjectListEsb: {
        parameters: {
            query: {
                /** @description The app's code (the ESB reads the credentials of a GET from the query string). */
                bk_app_code: components["parameters"]["EsbAppCode"];
                /** @description The app's secret. */
                bk_app_secret: components["parameters"]["EsbAppSecret"];
                /** @description The user's login token (or give `bk_username`, for apps exempted from user verification). */
                bk_token?: components["parameters"]["EsbBkToken"];
                /** @description The user's name, accepted only for apps exempted from user verification. */
                bk_username?: components["parameters"]["EsbBkUsername"];
                /**
                 * @description Adds `executor_proxy` (project templates only); a boolean as `DrfBoolean` reads it (an
                 *     invalid one: see the `invalid_options` example).
                 */
                include_executor_proxy?: components["parameters"]["IncludeExecutorProxy"];
                /** @description Validated as a boolean and otherwise unused. */
                include_staff_groups?: components["parameters"]["IncludeStaffGroups"];
            };
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EsbGetUserProjectListResult"];
            405: components["responses"]["MethodNotAllowed"];
        };
    };
    operateTask: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path: {
                /**
                 * @description The task id (`task_id` of create_task's answer). Digits only.
                 * @example 15364
                 */
                task_id: components["parameters"]["TaskId"];
                /**
                 * @description The business id (CMDB). With a `scope` other than `cmdb_biz` in the body it is the internal
                 *     project id instead. Digits only.
                 * @example 2
                 */
                bk_biz_id: components["parameters"]["BkBizId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["GatewayOperateTask"];
        responses: {
            200: components["responses"]["OperateTaskResult"];
            400: components["responses"]["GatewayCredentialsRefused"];
            404: components["responses"]["GatewayApiNotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    operateTaskEsb: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["EsbOperateTask"];
        responses: {
            200: components["responses"]["EsbOperateTaskResult"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    previewCommonTaskTreeEsb: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["EsbPreviewCommonTaskTree"];
        responses: {
            200: components["responses"]["EsbPreviewCommonTaskTreeResult"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    previewTaskTree: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path: {
                /**
                 * @description The business id (CMDB). With a `scope` other than `cmdb_biz` in the body it is the internal
                 *     project id instead. Digits only.
                 * @example 2
                 */
                bk_biz_id: components["parameters"]["BkBizId"];
                /**
                 * @description The flow template id (digits only; anything else is answered 404).
                 * @example 1
                 */
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["GatewayPreviewTaskTree"];
        responses: {
            200: components["responses"]["GatewayPreviewTaskTreeResult"];
            400: components["responses"]["GatewayInvalidArgs"];
            403: components["responses"]["GatewayAppNoPermission"];
            404: components["responses"]["GatewayApiNotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    previewTaskTreeEsb: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["EsbPreviewTaskTree"];
        responses: {
            200: components["responses"]["EsbPreviewTaskTreeResult"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    startTask: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path: {
                /**
                 * @description The task id (`task_id` of create_task's answer). Digits only.
                 * @example 15364
                 */
                task_id: components["parameters"]["TaskId"];
                /**
                 * @description The business id (CMDB). With a `scope` other than `cmdb_biz` in the body it is the internal
                 *     project id instead. Digits only.
                 * @example 2
                 */
                bk_biz_id: components["parameters"]["BkBizId"];
            };
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["GatewayStartTask"];
        responses: {
            200: components["responses"]["StartTaskResult"];
            400: components["responses"]["GatewayCredentialsRefused"];
            404: components["responses"]["GatewayApiNotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    startTaskEsb: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description W3C trace context. When present its value becomes the `trace_id` of the answer and the
                 *     `Sops-Trace-Id` response header; otherwise a uuid4 hex is generated.
                 */
                Traceparent?: components["parameters"]["Traceparent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["EsbStartTask"];
        responses: {
            200: components["responses"]["EsbStartTaskResult"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
}
