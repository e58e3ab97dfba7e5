export const id = 499;
export const ids = [499];
export const modules = {

/***/ 1499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MCP_TOOL_NAMES: () => (/* binding */ MCP_TOOL_NAMES),
/* harmony export */   handleMcp: () => (/* binding */ handleMcp)
/* harmony export */ });
/* harmony import */ var _modelcontextprotocol_sdk_server_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24619);
/* harmony import */ var _modelcontextprotocol_sdk_server_streamableHttp_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90262);
/* harmony import */ var _modelcontextprotocol_sdk_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63846);
/* harmony import */ var _domain_context_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7666);
/* harmony import */ var _http_auth_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(88747);
/* harmony import */ var _http_body_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(80561);
/* harmony import */ var _http_request_id_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(28964);
/* harmony import */ var _state_actor_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(39991);
/* harmony import */ var _http_admission_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(95452);
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3435);
/* harmony import */ var _state_store_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(74803);
/* harmony import */ var _request_log_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(42954);
/* harmony import */ var _tools_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(84827);













const BY_NAME = new Map(_tools_js__WEBPACK_IMPORTED_MODULE_9__/* .TOOLS */ .It.map((tool) => [tool.name, tool]));
/**
 * Serves GitHub's MCP server tools at `/mcp` over MCP streamable HTTP (stateless: each POST is
 * one JSON-RPC exchange), authenticated like GitHub's remote MCP server with the token as a
 * bearer. Tool calls run the REST operations on the clone's state; each request is logged.
 */
async function handleMcp(core, exchange, urls) {
    const started = performance.now();
    const { req, res } = exchange;
    const requestId = (0,_http_request_id_js__WEBPACK_IMPORTED_MODULE_5__/* .nextRequestId */ .w)();
    const journal = new _state_store_js__WEBPACK_IMPORTED_MODULE_8__/* .Journal */ .CQ();
    const deliveries = [];
    let actor = { kind: 'anonymous' };
    let requestText;
    let operationId = null;
    let notImplemented = false;
    let status = 200;
    const response = captureBody(res);
    try {
        const raw = await (0,_http_body_js__WEBPACK_IMPORTED_MODULE_4__/* .readBody */ .x)(req, core.config.maxBodyBytes).catch((error) => {
            if (error instanceof _http_body_js__WEBPACK_IMPORTED_MODULE_4__/* .BodyTooLargeError */ .A)
                throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ApiError */ .hD(413, 'Request body too large');
            throw error;
        });
        requestText = raw.length > 0 ? raw.toString('utf8') : undefined;
        actor = (0,_http_auth_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveActor */ .i)(core.store, (0,_http_auth_js__WEBPACK_IMPORTED_MODULE_3__/* .credential */ .e)(req.headers.authorization), core.unknownTokenUserId, core.now());
        if (actor.kind === 'anonymous' || actor.kind === 'app')
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ApiError */ .hD(401, 'Bad credentials');
        let body;
        try {
            body = requestText === undefined ? undefined : JSON.parse(requestText);
        }
        catch {
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ApiError */ .hD(400, 'Problems parsing JSON');
        }
        const domain = (0,_domain_context_js__WEBPACK_IMPORTED_MODULE_10__/* .requestContext */ .V)(core, { urls, actor, journal, requestId, deliveries });
        const server = new _modelcontextprotocol_sdk_server_index_js__WEBPACK_IMPORTED_MODULE_0__/* .Server */ .g({ name: 'github-mcp-server', version: 'archal-clone' }, { capabilities: { tools: {} } });
        server.setRequestHandler(_modelcontextprotocol_sdk_types_js__WEBPACK_IMPORTED_MODULE_2__/* .ListToolsRequestSchema */ .gW, () => ({
            tools: _tools_js__WEBPACK_IMPORTED_MODULE_9__/* .TOOLS */ .It.map((tool) => ({
                name: tool.name,
                description: tool.description,
                inputSchema: tool.inputSchema,
                annotations: tool.annotations,
            })),
        }));
        server.setRequestHandler(_modelcontextprotocol_sdk_types_js__WEBPACK_IMPORTED_MODULE_2__/* .CallToolRequestSchema */ .FT, async (request) => {
            const tool = BY_NAME.get(request.params.name);
            operationId = `mcp/${request.params.name}`;
            if (!tool) {
                notImplemented = true;
                return {
                    isError: true,
                    content: [
                        { type: 'text', text: `tool ${request.params.name} is not implemented by the Archal GitHub clone` },
                    ],
                };
            }
            const args = (request.params.arguments ?? {});
            const missing = (tool.inputSchema.required ?? []).filter((name) => args[name] === undefined || args[name] === null);
            if (missing.length > 0)
                return { isError: true, content: [{ type: 'text', text: `missing required parameter: ${missing[0]}` }] };
            // GitHub's MCP server calls the REST API with the same token: a tool call counts against
            // the token's `core` limit, and past it fails with the API's answer.
            const { key, label } = (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_11__/* .actorKey */ .B)(actor);
            const rate = core.limiter.take(key, 'core', Date.now());
            if (rate.exceeded) {
                const text = core.limiter.kind === 'secondary'
                    ? `429 ${(0,_http_admission_js__WEBPACK_IMPORTED_MODULE_6__/* .secondaryLimitMessage */ .bE)(requestId)}`
                    : `403 API rate limit exceeded for ${label}. [rate reset in ${resetIn(rate)}]`;
                return { isError: true, content: [{ type: 'text', text }] };
            }
            try {
                const result = await tool.run(domain, args);
                if (result instanceof _tools_js__WEBPACK_IMPORTED_MODULE_9__/* .ToolContent */ .WO)
                    return result.result;
                return { content: [{ type: 'text', text: typeof result === 'string' ? result : JSON.stringify(result) }] };
            }
            catch (error) {
                if (!(error instanceof _tools_js__WEBPACK_IMPORTED_MODULE_9__/* .ToolError */ .v4))
                    throw error;
                return { isError: true, content: [{ type: 'text', text: error.message }] };
            }
        });
        const transport = new _modelcontextprotocol_sdk_server_streamableHttp_js__WEBPACK_IMPORTED_MODULE_1__/* .StreamableHTTPServerTransport */ .D({ sessionIdGenerator: undefined, enableJsonResponse: true });
        await server.connect(transport);
        res.on('close', () => {
            void transport.close();
            void server.close();
        });
        await transport.handleRequest(req, res, body);
        status = res.statusCode;
    }
    catch (error) {
        if (!(error instanceof _state_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ApiError */ .hD))
            throw error;
        status = error.status;
        if (!res.headersSent) {
            const text = JSON.stringify({ message: error.message, documentation_url: 'https://docs.github.com/rest' });
            res.writeHead(status, {
                'content-type': 'application/json; charset=utf-8',
                ...(status === 401 ? { 'www-authenticate': 'Bearer realm="GitHub"' } : {}),
            });
            res.end(text);
        }
    }
    finally {
        core.log.add({
            requestId,
            kind: 'mcp',
            method: req.method ?? 'POST',
            path: exchange.path,
            query: exchange.search,
            operationId,
            notImplemented,
            status,
            durationMs: Math.round((performance.now() - started) * 100) / 100,
            actor: actor.kind === 'app' ? `app:${actor.app.slug}` : ((0,_state_actor_js__WEBPACK_IMPORTED_MODULE_11__/* .actingUser */ .e)(actor)?.login ?? null),
            changes: journal.changes,
            deliveries,
        }, { request: requestText, response: response() });
    }
}
/** `59m30s`: how go-github (and so GitHub's MCP server) says when a rate limit resets. */
function resetIn(rate) {
    const seconds = Math.max(0, rate.reset - Math.floor(Date.now() / 1000));
    return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
/**
 * What the MCP transport writes to the response, for the request log (which caps bodies at
 * MAX_BODY_CHARS: bytes past what that many characters can take are not kept).
 */
function captureBody(res) {
    const limit = _request_log_js__WEBPACK_IMPORTED_MODULE_12__/* .MAX_BODY_CHARS */ .G * 4 + 4;
    const chunks = [];
    let kept = 0;
    const keep = (chunk, encoding) => {
        if (chunk === undefined || chunk === null || typeof chunk === 'function' || kept >= limit)
            return;
        const buffer = typeof chunk === 'string'
            ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
            : Buffer.from(chunk);
        chunks.push(buffer.subarray(0, limit - kept));
        kept += Math.min(buffer.length, limit - kept);
    };
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = ((chunk, ...rest) => {
        keep(chunk, rest[0]);
        return write(chunk, ...rest);
    });
    res.end = ((chunk, ...rest) => {
        keep(chunk, rest[0]);
        return end(chunk, ...rest);
    });
    return () => (kept === 0 ? undefined : Buffer.concat(chunks).toString('utf8'));
}
const MCP_TOOL_NAMES = _tools_js__WEBPACK_IMPORTED_MODULE_9__/* .TOOLS */ .It.map((tool) => tool.name);


/***/ })

};
