/* Generated from the server's OpenAPI document by `pnpm --filter @flowcraft/client generate`; do not edit. */

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the server is up (it does not ask the database) */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Up */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            status?: "ok";
                        };
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the server can serve: the database answers (within 2 s) and has exactly the migrations this build expects */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ready */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            status?: "ready";
                        };
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not ready: the database cannot be reached, or its migrations differ from this build's (the message names them) */
                503: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This description */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The OpenAPI document */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, and whether the installation still needs its owner */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {needsSetup, account, csrfToken} */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            needsSetup?: boolean;
                            account?: Record<string, never> | null;
                            csrfToken?: string | null;
                        };
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create the owner account of a fresh installation and sign in */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Credentials"];
                };
            };
            responses: {
                /** @description Signed in; the session cookie is set */
                201: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account?: Record<string, never>;
                            /** @description Send it in x-flowcraft-csrf with changes */
                            csrfToken?: string;
                        };
                    };
                };
                /** @description Invalid username or password */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The installation already has its owner */
                409: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in; sets the HttpOnly session cookie and answers the CSRF token to send in x-flowcraft-csrf with changes */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Credentials"];
                };
            };
            responses: {
                /** @description Signed in */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The URL is malformed, a parameter is invalid, or the body is not acceptable JSON (see the API's description) or not what the operation takes */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Wrong username or password */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many wrong passwords; try again after Retry-After seconds */
                429: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The URL is malformed, a parameter is invalid, or the body is not acceptable JSON (see the API's description) or not what the operation takes */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the signed-in person's own password
         * @description Only with a session (and its x-flowcraft-csrf header); an API token has no password. Wrong current passwords count against the same limit as wrong sign-ins. The caller's session goes on; every other session of the account ends.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PasswordChange"];
                };
            };
            responses: {
                /** @description Changed; the account's other sessions are signed out */
                204: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The new password breaks a rule (at least 10 characters, at most 72 bytes) or equals the current one */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The current password is wrong, the CSRF header is missing, or the caller is an API token */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many wrong passwords; try again after Retry-After seconds */
                429: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/{id}/approvals/{waitId}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Signed approve and reject links for one person and one waiting approval (admins only)
         * @description Each link decides once, as the named person, this wait of the instance's current generation (not the wait of the same id after a monitor continues as new), until the wait times out (a week when it has none). Opening a link shows a confirmation page; its form decides.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Instance id */
                    id: string;
                    waitId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        approver: string;
                    };
                };
            };
            responses: {
                /** @description The links */
                201: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approve?: string;
                            reject?: string;
                            approver?: string;
                            /** Format: date-time */
                            expiresAt?: string;
                        };
                    };
                };
                /** @description The URL is malformed, a parameter is invalid, or the body is not acceptable JSON (see the API's description) or not what the operation takes */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not an admin */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such account */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No approval waits there */
                409: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List workflows */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Workflows */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workflows?: components["schemas"]["WorkflowSummary"][];
                        };
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Latest version of a workflow, with its version list */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Latest version */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowVersion"];
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such workflow */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Publish a definition as the workflow's next version
         * @description Validates the definition; an identical definition to the latest version is not stored again (200). With dryRun=true nothing is stored: the answer is what publishing would answer.
         */
        put: {
            parameters: {
                query?: {
                    /** @description Only check: the problems (400), or the version publishing would create (201) or keep (200) */
                    dryRun?: boolean;
                };
                header?: {
                    "X-Flowcraft-User"?: string;
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Definition"];
                };
            };
            responses: {
                /** @description Identical to the latest version */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowVersion"];
                    };
                };
                /** @description New version (with dryRun, the version it would be) */
                201: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowVersion"];
                    };
                };
                /** @description Invalid definition; problems lists every problem, by node and field */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{name}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of a workflow */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    name: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The version */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkflowVersion"];
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such workflow or version */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{name}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start an instance */
        post: {
            parameters: {
                query?: {
                    /** @description Generated when absent */
                    instanceId?: string;
                    /** @description Latest when absent */
                    version?: number;
                };
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    name: string;
                };
                cookie?: never;
            };
            /** @description The workflow input (any JSON; null when empty) */
            requestBody?: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                /** @description Accepted; poll the Location header for the status */
                202: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Accepted"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such workflow */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An instance with that id exists */
                409: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{name}/starts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start many instances
         * @description Up to 1,000 starts of one workflow in one request, idempotent per instance id: an id that exists already is answered `exists` instead of refused, so the same list can be sent again after a lost reply. Every item is checked before any instance is created.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Latest when absent */
                        version?: number;
                        starts: {
                            /** @description Generated when absent */
                            instanceId?: string;
                            /** @description The workflow input (any JSON; null when absent) */
                            input?: unknown;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Each start's outcome, in the order sent */
                202: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            starts: {
                                instanceId: string;
                                /** @enum {unknown} */
                                outcome: "started" | "exists";
                                /** @description The version started; absent when the instance existed */
                                workflowVersion?: number;
                                statusQueryUrl: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid input; the message names the item (starts[i]) */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such workflow or version */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List instances, newest first */
        get: {
            parameters: {
                query?: {
                    workflowName?: string;
                    workflowVersion?: number;
                    /** @description Comma-separated: PENDING, RUNNING, SUSPENDED, COMPLETED, FAILED, TERMINATED */
                    status?: string;
                    createdFrom?: string;
                    createdTo?: string;
                    /** @description Id prefix */
                    instanceId?: string;
                    /** @description Only running instances that wait on an event or a timer; each lists its oldest five in waitingOn and how many in waitingOnTotal */
                    waiting?: boolean;
                    /** @description Test runs of drafts too; left out by default */
                    includeTests?: boolean;
                    /** @description By creation time: newest (the default) or oldest first */
                    order?: "newest" | "oldest";
                    limit?: number;
                    /** @description nextCursor of the previous page, in the same order */
                    cursor?: string;
                };
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            instances?: components["schemas"]["ListedInstance"][];
                            nextCursor?: string | null;
                        };
                    };
                };
                /** @description Invalid filter */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many instances per status, and how many wait
         * @description Takes the filters of the list, status aside.
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Counts */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            byStatus?: {
                                [key: string]: number;
                            };
                            waiting?: number;
                        };
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/{id}/rerun": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-run an ended instance as a new instance linked to it
         * @description retry_failed: from the failed step, reusing the recorded outputs of the steps before it; from_start: same input and version; on_version: same input on the given version.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Instance id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        mode: "retry_failed" | "from_start" | "on_version";
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Accepted; poll the Location header for the status */
                202: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Accepted"];
                    };
                };
                /** @description Invalid mode or version */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such instance or version */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the instance's state */
                409: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Approvals waiting for a decision, oldest first */
        get: {
            parameters: {
                query?: {
                    workflowName?: string;
                    instanceId?: string;
                    /** @description 100 unless said */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                };
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of pending approvals */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approvals?: components["schemas"]["PendingApproval"][];
                            /** @description Every pending approval the filter leaves, on all pages */
                            total?: number;
                            nextCursor?: string | null;
                        };
                    };
                };
                /** @description Invalid limit or cursor */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/{id}/approvals/{waitId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide one waiting approval
         * @description Raises {decision, approver, comment, decidedAt} for this wait alone. The approver is who calls; the approval step may allow only some people or groups. Exactly one decision counts per wait.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Instance id */
                    id: string;
                    waitId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        decision: "approved" | "rejected";
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Decision recorded */
                202: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid decision */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No approver role, not among the people or groups the step names, or the person who started the instance when the step keeps them out */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such instance */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already decided, timed out, or the instance has ended */
                409: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Instance status */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Instance id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Status */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Instance"];
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such instance */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Purge an ended instance and its history
         * @description The audit log records who purged it.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Instance id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Purged */
                204: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The URL is malformed, a parameter is invalid, or the body is not acceptable JSON (see the API's description) or not what the operation takes */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such instance */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The instance has not ended */
                409: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/{id}/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Child instances its sub-workflow steps started, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Instance id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description At most 100 children, and how many there are */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            children?: {
                                instanceId?: string;
                                workflowName?: string;
                                /** @description The sub-workflow step */
                                node?: string;
                                /** @description The step's place: in a map, one per iteration */
                                stepId?: string;
                                /** @description The step's attempt that started this child */
                                attempt?: number;
                                /** Format: date-time */
                                createdAt?: string;
                                /** @enum {unknown} */
                                runtimeStatus?: "PENDING" | "RUNNING" | "SUSPENDED" | "COMPLETED" | "FAILED" | "TERMINATED";
                            }[];
                            childrenTotal?: number;
                        };
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such instance */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** History events in order (all generations) */
        get: {
            parameters: {
                query?: {
                    afterSeq?: number;
                    limit?: number;
                };
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Instance id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Events */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events?: components["schemas"]["HistoryEvent"][];
                        };
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such instance */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/{id}/watch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The instance and its history as server-sent events
         * @description Each message's data is an InstanceUpdate: first every event after afterSeq (in chunks of 2,000; until seq reaches lastSeq more of the backlog follows), then each change as it is stored. A message's id is the seq to resume after: a reconnecting EventSource sends it as Last-Event-ID. A comment line every 15 s keeps the stream open through proxies; an `error` event ends a stream that failed after it began; the stream ends when the instance is purged.
         */
        get: {
            parameters: {
                query?: {
                    afterSeq?: number;
                };
                header?: {
                    "Last-Event-ID"?: string;
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Instance id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A stream of InstanceUpdate messages */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": components["schemas"]["InstanceUpdate"];
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such instance */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/{id}/events/{eventName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Raise an external event
         * @description The body is the payload. An event raised before the instance waits for it is kept and delivered, except to an approval. An event that an open approval waits for is that approval's decision: it takes the approver role and someone the step allows, the payload is {decision: approved | rejected, comment?}, and the caller is recorded as the approver (the answer's `decided`). An approval takes no event raised before it waits. eventId makes a retried call a no-op.
         */
        post: {
            parameters: {
                query?: {
                    eventId?: string;
                };
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Instance id */
                    id: string;
                    eventName: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                /** @description Accepted; poll the Location header for the status */
                202: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RaisedEvent"];
                    };
                };
                /** @description Invalid event name, or a payload that is not a decision for the approval that waits for the event */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An approval waits for the event and the caller may not decide it: no approver role, not among the people or groups the step names, or the person who started the instance when the step keeps them out */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such instance */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The instance has ended, or several approvals wait for the event (decide one at /approvals/{waitId}) */
                409: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Terminate an instance */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Instance id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Accepted; poll the Location header for the status */
                202: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Accepted"];
                    };
                };
                /** @description The URL is malformed, a parameter is invalid, or the body is not acceptable JSON (see the API's description) or not what the operation takes */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such instance */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the instance's state */
                409: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend an instance */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Instance id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Accepted; poll the Location header for the status */
                202: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Accepted"];
                    };
                };
                /** @description The URL is malformed, a parameter is invalid, or the body is not acceptable JSON (see the API's description) or not what the operation takes */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such instance */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the instance's state */
                409: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume an instance */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Instance id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Accepted; poll the Location header for the status */
                202: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Accepted"];
                    };
                };
                /** @description The URL is malformed, a parameter is invalid, or the body is not acceptable JSON (see the API's description) or not what the operation takes */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such instance */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the instance's state */
                409: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Act on many instances at once (operator): a background job
         * @description Terminates, suspends, resumes, re-runs (parameters.mode as for one instance's rerun), purges, or raises an event (parameters.eventName, parameters.payload) on every instance the filter matches (the instances list's filter, as JSON: status is an array; instances created after the request are left out), or on the instanceIds given (at most 10000). The workers act on each instance once, in id order, as the caller: an instance the action does not fit (an ended instance to terminate) is skipped with the reason, as that one action would have been refused.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "terminate" | "suspend" | "resume" | "rerun" | "purge" | "raise_event";
                        filter?: {
                            workflowName?: string;
                            workflowVersion?: number;
                            /** Format: date-time */
                            createdFrom?: string;
                            /** Format: date-time */
                            createdTo?: string;
                            instanceId?: string;
                            includeTests?: boolean;
                            status?: ("PENDING" | "RUNNING" | "SUSPENDED" | "COMPLETED" | "FAILED" | "TERMINATED")[];
                            waiting?: boolean;
                        };
                        instanceIds?: string[];
                        parameters?: {
                            reason?: string;
                            /** @enum {string} */
                            mode?: "retry_failed" | "from_start" | "on_version";
                            version?: number;
                            eventName?: string;
                            payload?: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Queued; poll the Location header for its progress */
                202: {
                    headers: {
                        /** @description The job's URL */
                        Location?: string;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BulkJob"];
                    };
                };
                /** @description The request names what is wrong: an unknown action, a filter field or status, a date that is not ISO 8601, no ids, too many ids, filter and ids both or neither, a parameter the action does not take */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bulk-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bulk jobs, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Comma-separated: queued, running, completed, cancelled, failed */
                    status?: string;
                    /** @description 50 unless said */
                    limit?: number;
                };
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {jobs} */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobs?: components["schemas"]["BulkJob"][];
                        };
                    };
                };
                /** @description Invalid status or limit */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bulk-jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bulk job and its progress */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Bulk job id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The job */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BulkJob"];
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such bulk job */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bulk-jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a bulk job (operator): a queued one at once, a running one before its next batch */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Bulk job id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The job */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BulkJob"];
                    };
                };
                /** @description The URL is malformed, a parameter is invalid, or the body is not acceptable JSON (see the API's description) or not what the operation takes */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such bulk job */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The job has already ended */
                409: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{name}/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workflow's schedules, each with its next five runs and its latest runs */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Workflow name */
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {schedules} */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            schedules?: components["schemas"]["Schedule"][];
                        };
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a schedule (operator)
         * @description Each occurrence starts the instance `<schedule id>:<occurrence time, ISO 8601 UTC>`, so no occurrence starts twice. Missed occurrences (no worker was up) are started if they are younger than catchupWindowSeconds and skipped otherwise. overlap says what an occurrence does while the schedule's previous run still runs: skip it, buffer_one (start it when the previous run ends; later ones are dropped), allow_all, or terminate_previous.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Workflow name */
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ScheduleSpec"];
                };
            };
            responses: {
                /** @description The schedule */
                201: {
                    headers: {
                        /** @description The schedule's URL */
                        Location?: string;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Schedule"];
                    };
                };
                /** @description The body is not a schedule: the message and problems name each field that is wrong (a cron croner cannot read, an unknown time zone, an end before the start, cron and intervalSeconds both or neither, an input expression that does not parse) */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such workflow */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The next five runs of a timing not saved yet, in UTC */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cron?: string;
                        intervalSeconds?: number;
                        /** @default UTC */
                        timeZone?: string;
                        startAt?: string | null;
                        endAt?: string | null;
                    };
                };
            };
            responses: {
                /** @description {runs} */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            runs?: string[];
                        };
                    };
                };
                /** @description The body is not a schedule: the message and problems name each field that is wrong (a cron croner cannot read, an unknown time zone, an end before the start, cron and intervalSeconds both or neither, an input expression that does not parse) */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A schedule */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Schedule id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The schedule */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Schedule"];
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such schedule */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace a schedule (operator); its next run is counted anew from now */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Schedule id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ScheduleSpec"];
                };
            };
            responses: {
                /** @description The schedule */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Schedule"];
                    };
                };
                /** @description The body is not a schedule: the message and problems name each field that is wrong (a cron croner cannot read, an unknown time zone, an end before the start, cron and intervalSeconds both or neither, an input expression that does not parse) */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such schedule */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a schedule (operator); the runs it started stay */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Schedule id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The URL is malformed, a parameter is invalid, or the body is not acceptable JSON (see the API's description) or not what the operation takes */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such schedule */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a schedule (operator) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Schedule id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The schedule */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Schedule"];
                    };
                };
                /** @description The URL is malformed, a parameter is invalid, or the body is not acceptable JSON (see the API's description) or not what the operation takes */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such schedule */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a schedule (operator) from now: occurrences that fell while it was paused are not made up */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Schedule id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The schedule */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Schedule"];
                    };
                };
                /** @description The URL is malformed, a parameter is invalid, or the body is not acceptable JSON (see the API's description) or not what the operation takes */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such schedule */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/trigger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a run now (operator), whatever the overlap policy */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Schedule id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Started; poll the Location header for its status */
                202: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Accepted"];
                    };
                };
                /** @description The run could not start: its input expression failed, or the workflow has no published version */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such schedule */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/backfill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start the runs of the schedule's occurrences in a past range [from, to] (operator), at most 1000
         * @description Runs get the ids the schedule would have given them: a repeated backfill, or one over runs that happened, starts nothing twice. The overlap policy does not apply.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Schedule id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                    };
                };
            };
            responses: {
                /** @description {started, alreadyStarted}: instance ids */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            started?: string[];
                            alreadyStarted?: string[];
                        };
                    };
                };
                /** @description from or to is not a date-time, to is not after from or is in the future, or the range holds more than 1000 runs */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such schedule */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{name}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workflow's webhooks
         * @description Anyone signed in may list them; only admins see the requests each refused (refusals is null for others). URLs are never listed.
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Workflow name */
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Webhooks */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            webhooks?: components["schemas"]["Webhook"][];
                        };
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a webhook; its URL (and a signing secret the server made) is shown only in this answer */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Workflow name */
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WebhookSettings"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookGrant"];
                    };
                };
                /** @description Invalid settings; the message names the field */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Managing webhooks takes the designer and operator roles */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such workflow */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Webhook id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The webhook */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Webhook"];
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such webhook */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace a webhook's settings; its URL stays, and so does its signing secret unless a new one is given */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Webhook id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WebhookSettings"];
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            webhook?: components["schemas"]["Webhook"];
                            signingSecret?: string;
                        };
                    };
                };
                /** @description Invalid settings */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Managing webhooks takes the designer and operator roles */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such webhook */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a webhook; its URL answers 404 from now on */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Webhook id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The URL is malformed, a parameter is invalid, or the body is not acceptable JSON (see the API's description) or not what the operation takes */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Managing webhooks takes the designer and operator roles */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such webhook */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a webhook a new URL; the old one answers 404 from now on */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Webhook id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The new URL */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookGrant"];
                    };
                };
                /** @description The URL is malformed, a parameter is invalid, or the body is not acceptable JSON (see the API's description) or not what the operation takes */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Managing webhooks takes the designer and operator roles */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such webhook */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/{id}/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A webhook's URL: start an instance, or raise an event on one
         * @description No API token or session: the URL is the credential. The body (at most 1048576 bytes) may be application/json, application/x-www-form-urlencoded (a repeated field becomes a list) or text/*. A signed webhook checks X-Hub-Signature-256 (github) or Stripe-Signature (stripe, timestamp within toleranceSeconds, 300 s by default, each signature accepted once). With a delivery id (the deliveryHeader's; without one, X-GitHub-Delivery on a github webhook, the event's id on a stripe one), a redelivery answers the first delivery's ids and starts nothing. Each webhook takes 600 requests a minute. Every refusal of a known webhook is counted on it.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Webhook id */
                    id: string;
                    /** @description The URL's secret */
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": unknown;
                    "application/x-www-form-urlencoded": Record<string, never>;
                    "text/plain": string;
                };
            };
            responses: {
                /** @description Started (or, for an event webhook, raised) */
                202: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            instanceId: string;
                            eventId?: string;
                        };
                    };
                };
                /** @description The body is not valid for its type, the delivery-id header is missing, or a mapping expression failed (its error is in the message) */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The signature is missing, does not match, is outside the tolerance window, or was used before */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No webhook at this URL (an unknown id and a wrong token are answered alike), or an event webhook's expression names no instance */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An event webhook's instance has ended */
                409: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is over 1048576 bytes */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body's type is not one a webhook reads */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Over the webhook's rate, or too many unknown webhook URLs from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{name}/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How long the workflow's ended instances are kept */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Workflow name */
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The workflow's retention */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Retention"];
                    };
                };
                /** @description The URL is malformed (a path segment's percent-encoding or length), or a parameter is invalid */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such workflow */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Set how long the workflow's ended instances are kept (operator)
         * @description Completed, failed and terminated instances are purged, with their history, once they have been over for this many days; the generations a monitor leaves behind by continuing as new are deleted after as long. 0 keeps them for ever; null follows the installation's FLOWCRAFT_RETENTION_DAYS. The audit log records the change.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
                    "X-Request-Id"?: components["parameters"]["RequestId"];
                };
                path: {
                    /** @description Workflow name */
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Days ended instances are kept; 0 keeps them for ever; null follows the installation's default */
                        retentionDays: number | null;
                    };
                };
            };
            responses: {
                /** @description The workflow's retention */
                200: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Retention"];
                    };
                };
                /** @description retentionDays is missing, or not null nor a whole number from 0 to 36500 */
                400: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No credentials where the operation needs them, or an unknown or revoked API token */
                401: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A role the operation needs is missing, or a browser's change lacks the x-flowcraft-csrf header */
                403: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such workflow */
                404: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is larger than the server accepts */
                413: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not sent as application/json in UTF-8 */
                415: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many unknown API tokens (or wrong passwords) from this address; try again after Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The URL and headers are larger than 16 KiB */
                431: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The server failed; it has logged the cause */
                500: {
                    headers: {
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database cannot be reached; try again after Retry-After seconds */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        "X-Request-Id": components["headers"]["RequestId"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
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
        /** Flowcraft workflow definition v1 */
        Definition: {
            $schema?: string;
            /** @constant */
            version: 1;
            name?: string;
            description?: string;
            /** @description Id of the first node */
            start: string;
            nodes: {
                [key: string]: components["schemas"]["Node"];
            };
            /** @description Editor hints (canvas positions...), ignored by the engine */
            ui?: {
                [key: string]: unknown;
            };
        };
        /** @description One step of a workflow graph */
        Node: {
            /** @constant */
            type: "activity";
            /** @description Label shown on the canvas */
            title?: string;
            description?: string;
            /** @description Sets the instance's customStatus when this node completes; sees the node's output as steps.<id> */
            customStatus?: string;
            /** @description The node that runs after this one; the graph ends here when absent */
            next?: string;
            onError?: {
                /** @description First node of the error path (compensation) */
                next: string;
                /** @description Error names this path handles (e.g. ActivityFailed, Timeout); all when absent */
                errors?: string[];
            };
            /** @description Registered activity name, or a built-in: http, transform */
            activity: string;
            /** @description The activity's input; null when absent */
            input?: string;
            retry?: {
                /** @description Attempts in all, the first included (default 1: no retry) */
                maxAttempts: number;
                /** @description Seconds before the second attempt (default 1) */
                firstInterval?: number;
                /** @description Each wait is the previous one times this (default 2) */
                backoffCoefficient?: number;
                /** @description Upper bound of a wait between attempts, in seconds */
                maxInterval?: number;
            };
            /** @description Seconds one attempt may run (default 300) */
            timeout?: number;
            /** @description Seconds an attempt may go without calling heartbeat() before it fails as HeartbeatTimeout (default: no such check) */
            heartbeatTimeout?: number;
        } | {
            /** @constant */
            type: "subworkflow";
            /** @description Label shown on the canvas */
            title?: string;
            description?: string;
            /** @description Sets the instance's customStatus when this node completes; sees the node's output as steps.<id> */
            customStatus?: string;
            /** @description The node that runs after this one; the graph ends here when absent */
            next?: string;
            onError?: {
                /** @description First node of the error path (compensation) */
                next: string;
                /** @description Error names this path handles (e.g. ActivityFailed, Timeout); all when absent */
                errors?: string[];
            };
            /** @description Name of the published workflow to run */
            workflow: string;
            /** @description A pinned version, or "latest": the newest version when the step starts (default latest) */
            version?: number | "latest";
            /** @description The child's input; null when absent */
            input?: string;
            /** @description Wait for the child to end and take its output (default true); when false the step completes once the child has started, with the child's instance id */
            wait?: boolean;
            /**
             * @description What happens to the child, still running, when this instance ends or continues as new (default terminate)
             * @enum {string}
             */
            onParentEnd?: "terminate" | "continue";
            /** @description Each attempt starts a new child */
            retry?: {
                /** @description Attempts in all, the first included (default 1: no retry) */
                maxAttempts: number;
                /** @description Seconds before the second attempt (default 1) */
                firstInterval?: number;
                /** @description Each wait is the previous one times this (default 2) */
                backoffCoefficient?: number;
                /** @description Upper bound of a wait between attempts, in seconds */
                maxInterval?: number;
            };
        } | {
            /** @constant */
            type: "parallel";
            /** @description Label shown on the canvas */
            title?: string;
            description?: string;
            /** @description Sets the instance's customStatus when this node completes; sees the node's output as steps.<id> */
            customStatus?: string;
            /** @description The node that runs after this one; the graph ends here when absent */
            next?: string;
            onError?: {
                /** @description First node of the error path (compensation) */
                next: string;
                /** @description Error names this path handles (e.g. ActivityFailed, Timeout); all when absent */
                errors?: string[];
            };
            /** @description Run at once; the output lists each branch's output in order */
            branches: components["schemas"]["Graph"][];
        } | {
            /** @constant */
            type: "map";
            /** @description Label shown on the canvas */
            title?: string;
            description?: string;
            /** @description Sets the instance's customStatus when this node completes; sees the node's output as steps.<id> */
            customStatus?: string;
            /** @description The node that runs after this one; the graph ends here when absent */
            next?: string;
            onError?: {
                /** @description First node of the error path (compensation) */
                next: string;
                /** @description Error names this path handles (e.g. ActivityFailed, Timeout); all when absent */
                errors?: string[];
            };
            /** @description Yields the list to fan out over; the body sees each entry as item, its position as index */
            items: string;
            /** @description Most bodies running at once (default: all) */
            maxConcurrency?: number;
            body: components["schemas"]["Graph"];
        } | {
            /** @constant */
            type: "group";
            /** @description Label shown on the canvas */
            title?: string;
            description?: string;
            /** @description Sets the instance's customStatus when this node completes; sees the node's output as steps.<id> */
            customStatus?: string;
            /** @description The node that runs after this one; the graph ends here when absent */
            next?: string;
            onError?: {
                /** @description First node of the error path (compensation) */
                next: string;
                /** @description Error names this path handles (e.g. ActivityFailed, Timeout); all when absent */
                errors?: string[];
            };
            body: components["schemas"]["Graph"];
        } | {
            /** @constant */
            type: "wait";
            /** @description Label shown on the canvas */
            title?: string;
            description?: string;
            /** @description Sets the instance's customStatus when this node completes; sees the node's output as steps.<id> */
            customStatus?: string;
            /** @description The node that runs after this one; the graph ends here when absent */
            next?: string;
            onError?: {
                /** @description First node of the error path (compensation) */
                next: string;
                /** @description Error names this path handles (e.g. ActivityFailed, Timeout); all when absent */
                errors?: string[];
            };
            /** @description Name of an external event, as raised through POST /api/v1/instances/{id}/events/{eventName} */
            event: string;
            /** @description Seconds, or a JSONata expression that yields seconds */
            timeout?: number | string;
            /** @description Node to run when the timeout passes first; without it a timeout is an error */
            onTimeout?: string;
            /** @description Marks this wait as a human approval */
            approval?: {
                /** @description Users who may decide */
                approvers?: string[];
                /** @description Groups whose members may decide */
                groups?: string[];
                /** @description What is being approved, shown to the approver */
                summary?: string;
                /** @description When true, the person who started the instance may not decide (four eyes) */
                excludeStarter?: boolean;
            };
        } | {
            /** @constant */
            type: "timer";
            /** @description Label shown on the canvas */
            title?: string;
            description?: string;
            /** @description Sets the instance's customStatus when this node completes; sees the node's output as steps.<id> */
            customStatus?: string;
            /** @description The node that runs after this one; the graph ends here when absent */
            next?: string;
            onError?: {
                /** @description First node of the error path (compensation) */
                next: string;
                /** @description Error names this path handles (e.g. ActivityFailed, Timeout); all when absent */
                errors?: string[];
            };
            /** @description Seconds, or a JSONata expression that yields seconds */
            duration: number | string;
        } | {
            /** @constant */
            type: "decision";
            /** @description Label shown on the canvas */
            title?: string;
            description?: string;
            /** @description Sets the instance's customStatus when this node completes; sees the node's output as steps.<id> */
            customStatus?: string;
            choices: {
                /** @description Chosen when this is true; choices are tried in order */
                when: string;
                /** @description Node id: letters, digits and _, unique in the whole definition */
                next: string;
                label?: string;
            }[];
            /** @description Taken when no choice is true; the node fails when absent */
            default?: string;
            onError?: {
                /** @description First node of the error path (compensation) */
                next: string;
                /** @description Error names this path handles (e.g. ActivityFailed, Timeout); all when absent */
                errors?: string[];
            };
        } | {
            /** @constant */
            type: "monitor";
            /** @description Label shown on the canvas */
            title?: string;
            description?: string;
            /** @description Sets the instance's customStatus when this node completes; sees the node's output as steps.<id> */
            customStatus?: string;
            /** @description The node that runs after this one; the graph ends here when absent */
            next?: string;
            onError?: {
                /** @description First node of the error path (compensation) */
                next: string;
                /** @description Error names this path handles (e.g. ActivityFailed, Timeout); all when absent */
                errors?: string[];
            };
            /** @description Initial loop state, seen by the body as state */
            state?: string;
            body: components["schemas"]["Graph"];
            /** @description Loop state for the next check, evaluated after the body */
            nextState?: string;
            /** @description Stop condition, evaluated after nextState with state set to it */
            until?: string;
            /** @description Seconds to sleep before the next check */
            interval: number | string;
            /** @description Stop after this many checks */
            maxIterations?: number;
        } | {
            /** @constant */
            type: "end";
            /** @description Label shown on the canvas */
            title?: string;
            description?: string;
            /** @description Sets the instance's customStatus when this node completes; sees the node's output as steps.<id> */
            customStatus?: string;
            /** @description Output of the graph; the previous node's output when absent */
            output?: string;
        } | {
            /** @constant */
            type: "fail";
            /** @description Label shown on the canvas */
            title?: string;
            description?: string;
            /** @description Sets the instance's customStatus when this node completes; sees the node's output as steps.<id> */
            customStatus?: string;
            /** @description Error name; the caught error's name when absent */
            error?: string;
            /** @description Error message; the caught error's message when absent */
            message?: string;
        };
        /** @description A nested graph: its start node and its nodes */
        Graph: {
            /** @description Id of the first node */
            start: string;
            nodes: {
                [key: string]: components["schemas"]["Node"];
            };
        };
        BulkJob: {
            jobId?: string;
            /** @enum {unknown} */
            action?: "terminate" | "suspend" | "resume" | "rerun" | "purge" | "raise_event";
            parameters?: Record<string, never>;
            /** @description The filter it acts on; null when it acts on ids */
            filter?: Record<string, never> | null;
            /** @description How many ids it was given; null for a filter */
            instanceIdCount?: number | null;
            /** @description Who asked for it; it acts as them */
            createdBy?: string;
            /** @enum {unknown} */
            status?: "queued" | "running" | "completed" | "cancelled" | "failed";
            /** @description Instances matched when it was asked for */
            matched?: number;
            done?: number;
            /** @description Instances the action did not fit, each refused as the single action would be */
            skipped?: number;
            failed?: number;
            /** @description The first 50 skipped or failed instances, with why */
            problems?: {
                instanceId?: string;
                /** @enum {unknown} */
                outcome?: "skipped" | "failed";
                reason?: string;
            }[];
            lastError?: string | null;
            cancelRequestedBy?: string | null;
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            startedAt?: string | null;
            /** Format: date-time */
            finishedAt?: string | null;
            /** Format: date-time */
            updatedAt?: string;
        };
        ScheduleSpec: {
            cron?: string;
            intervalSeconds?: number;
            /** @default UTC */
            timeZone: string;
            startAt?: string | null;
            endAt?: string | null;
            /** @description Any JSON value */
            input?: unknown;
            inputExpression?: string;
            /** @default 0 */
            jitterSeconds: number;
            /** @default false */
            paused: boolean;
            /**
             * @default skip
             * @enum {string}
             */
            overlap: "skip" | "buffer_one" | "allow_all" | "terminate_previous";
            /** @default 3600 */
            catchupWindowSeconds: number;
        };
        Schedule: {
            id?: string;
            workflowName?: string;
            cron?: string | null;
            intervalSeconds?: number | null;
            timeZone?: string;
            input?: unknown;
            inputExpression?: string | null;
            /** Format: date-time */
            startAt?: string | null;
            /** Format: date-time */
            endAt?: string | null;
            jitterSeconds?: number;
            paused?: boolean;
            /** @enum {unknown} */
            overlap?: "skip" | "buffer_one" | "allow_all" | "terminate_previous";
            catchupWindowSeconds?: number;
            /** @description The next five occurrences; none while paused */
            nextRuns?: string[];
            /**
             * Format: date-time
             * @description An occurrence buffer_one holds until the previous run ends
             */
            bufferedAt?: string | null;
            /** @description Why the latest occurrence did not start */
            lastError?: string | null;
            /** @description The latest five runs, newest occurrence first */
            recentRuns?: {
                instanceId?: string;
                /** Format: date-time */
                scheduledAt?: string;
                /** @enum {unknown} */
                runtimeStatus?: "PENDING" | "RUNNING" | "SUSPENDED" | "COMPLETED" | "FAILED" | "TERMINATED";
            }[];
            createdBy?: string | null;
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            updatedAt?: string;
        };
        WebhookSettings: {
            /** @enum {string} */
            kind: "start" | "event";
            /** @enum {string} */
            signature: "none" | "github" | "stripe";
            signingSecret?: string;
            toleranceSeconds?: number;
            inputExpression?: string | null;
            headers?: string[];
            deliveryHeader?: string | null;
            eventName?: string | null;
            instanceExpression?: string | null;
        };
        Webhook: {
            id?: string;
            workflowName?: string;
            /** @enum {unknown} */
            kind?: "start" | "event";
            /** @enum {unknown} */
            signature?: "none" | "github" | "stripe";
            toleranceSeconds?: number;
            inputExpression?: string | null;
            headers?: string[];
            deliveryHeader?: string | null;
            eventName?: string | null;
            instanceExpression?: string | null;
            createdBy?: string;
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            rotatedAt?: string;
            /** @description Admins only (null for others): how many requests it refused, and the last one's reason */
            refusals?: {
                count?: number;
                last?: {
                    reason?: string;
                    /** Format: date-time */
                    at?: string;
                } | null;
            } | null;
        };
        WebhookGrant: {
            webhook?: components["schemas"]["Webhook"];
            /** @description The full URL to give the sender; shown only now */
            url?: string;
            /** @description Present when the server made the signing secret; shown only now */
            signingSecret?: string;
        };
        Retention: {
            workflowName?: string;
            /** @description The workflow's own setting; null follows the default */
            retentionDays?: number | null;
            /** @description The installation's FLOWCRAFT_RETENTION_DAYS */
            defaultRetentionDays?: number;
            /** @description What applies; 0 keeps ended instances for ever */
            effectiveRetentionDays?: number;
        };
        Credentials: {
            username: string;
            password: string;
            displayName?: string;
        };
        PasswordChange: {
            currentPassword: string;
            newPassword: string;
        };
        Error: {
            error: {
                /**
                 * @example invalid
                 * @example invalid_json
                 * @example unauthenticated
                 * @example forbidden
                 * @example not_found
                 * @example conflict
                 * @example too_large
                 * @example unsupported_media_type
                 * @example too_many_requests
                 * @example internal
                 * @example unavailable
                 */
                code: string;
                message: string;
                problems?: {
                    path?: string;
                    nodeId?: string | null;
                    field?: string | null;
                    message?: string;
                }[];
            };
        };
        Accepted: {
            instanceId?: string;
            statusQueryUrl?: string;
            eventId?: string;
        };
        RaisedEvent: {
            eventId: string;
            /** @description Present when the event decided an approval: the wait and what its step outputs */
            decided?: {
                waitId?: string;
                /** @enum {unknown} */
                decision?: "approved" | "rejected";
                /** @description Who raised it */
                approver?: string;
                comment?: string | null;
                /** Format: date-time */
                decidedAt?: string;
            };
        };
        WorkflowSummary: {
            name?: string;
            latestVersion?: number;
            versions?: number;
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            updatedAt?: string;
        };
        WorkflowVersion: {
            name?: string;
            version?: number;
            definition?: components["schemas"]["Definition"];
            hash?: string;
            publishedBy?: string | null;
            /** Format: date-time */
            createdAt?: string;
        };
        Instance: {
            instanceId?: string;
            workflowName?: string;
            workflowVersion?: number;
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            lastUpdatedAt?: string;
            /** @enum {unknown} */
            runtimeStatus?: "PENDING" | "RUNNING" | "SUSPENDED" | "COMPLETED" | "FAILED" | "TERMINATED";
            input?: unknown;
            output?: unknown;
            failure?: {
                name?: string;
                message?: string;
                node?: string;
                attempts?: number;
            } | null;
            customStatus?: unknown;
            /** @description Continue-as-new generation, from 1 */
            generation?: number;
            /** @description The instance this one re-runs */
            origin?: {
                instanceId?: string;
                /** @enum {unknown} */
                kind?: "retry_failed" | "from_start" | "on_version";
            } | null;
            /** @description For a child instance: the instance and the sub-workflow step that started it (see /children for the other way) */
            parent?: {
                instanceId?: string;
                node?: string;
                stepId?: string;
            } | null;
            /** @description Who started it: a username, or token:<name> */
            startedBy?: string | null;
            /** @description A test run of a draft from the designer; its workflowVersion is a test version (below 1) */
            test?: boolean;
            /** @description The schedule occurrence that started it (startedBy is then schedule:<id>, or who triggered or backfilled it) */
            schedule?: {
                scheduleId?: string;
                /**
                 * Format: date-time
                 * @description The occurrence's time, before jitter
                 */
                scheduledAt?: string;
            } | null;
        };
        ListedInstance: components["schemas"]["Instance"] & {
            /** @description Its oldest open waits, at most five: events not yet raised and timers not yet fired */
            waitingOn?: {
                /** @enum {unknown} */
                kind?: "event" | "timer";
                node?: string;
                /** @description null for a timer */
                event?: string | null;
                /** Format: date-time */
                since?: string;
                /**
                 * Format: date-time
                 * @description When the wait times out or the timer fires
                 */
                until?: string | null;
                /** @description A human approval */
                approval?: boolean;
            }[];
            /** @description How many open waits it has in all */
            waitingOnTotal?: number;
        };
        PendingApproval: {
            instanceId?: string;
            workflowName?: string;
            workflowVersion?: number;
            /** @description The run of the instance the wait belongs to; a monitor's continue-as-new starts the next */
            generation?: number;
            waitId?: string;
            node?: string;
            event?: string;
            /** @description What is being approved */
            summary?: unknown;
            /** @description The summary in words, or the wait's node and event when it has none */
            title?: string;
            approvers?: string[];
            groups?: string[];
            /** @description The person who started the instance may not decide */
            excludeStarter?: boolean;
            startedBy?: string | null;
            /** Format: date-time */
            since?: string;
            /** Format: date-time */
            timeoutAt?: string | null;
        };
        InstanceUpdate: {
            instance: components["schemas"]["Instance"];
            /** @description Events after the previous message, in order */
            events: components["schemas"]["HistoryEvent"][];
            /** @description The last event sent so far */
            seq: number;
            /** @description The newest event when this message was read */
            lastSeq: number;
            /** @description The definition of the instance's version, in the first message only */
            definition?: Record<string, never>;
        };
        HistoryEvent: {
            /** @enum {unknown} */
            type: "execution_started" | "activity_scheduled" | "activity_started" | "activity_completed" | "activity_failed" | "activity_retrying" | "timer_created" | "timer_fired" | "event_wait_started" | "event_raised" | "event_consumed" | "custom_status_set" | "suspended" | "resumed" | "terminated" | "rerun_requested" | "choice_recorded" | "child_scheduled" | "child_started" | "child_completed" | "child_failed" | "child_terminated" | "continued_as_new" | "execution_completed" | "execution_failed";
            seq: number;
            /** Format: date-time */
            at: string;
            generation: number;
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: {
        /** @description An id for the request's log lines and trace (1-128 letters, digits or . _ : -); a new UUID when absent or not of that form */
        RequestId: string;
    };
    requestBodies: never;
    headers: {
        /** @description The request's id: the one it sent, or the one made for it */
        RequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
