export const id = 491;
export const ids = [491];
export const modules = {

/***/ 91491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77094);
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61351);
/* harmony import */ var _src_github_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37391);
/* harmony import */ var _src_lib_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97268);
/* harmony import */ var _src_lib_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(60310);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(74970);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(19052);







/**
 * The post step (`runs.post`). A step that stops before its report — the job cancelled, its
 * `timeout-minutes` reached, the runner killing it — leaves its check run in progress, which would
 * spin on the pull request (and hold a required check) until the next push. The runner runs the
 * post step whatever happened to the main one: it completes that check run as cancelled, and
 * leaves a check run the main step completed as it is.
 */
async function runPost() {
    const id = Number(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_state_js__WEBPACK_IMPORTED_MODULE_5__/* .POST_STATE */ .j.checkRun));
    const token = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4('github-token').trim();
    if (!Number.isSafeInteger(id) || id <= 0 || !token)
        return;
    const redactor = new _src_lib_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .SecretRedactor */ .pE([token], process.env);
    const ctx = (0,_context_js__WEBPACK_IMPORTED_MODULE_6__/* .readRunContext */ .$)(_actions_github__WEBPACK_IMPORTED_MODULE_1__/* .context */ ._);
    const target = { owner: ctx.owner, repo: ctx.repo };
    const github = (0,_src_github_index_js__WEBPACK_IMPORTED_MODULE_2__/* .createGitHubApiClient */ .fZ)(ctx.apiUrl, token, { retries: 2, delayMs: 500 });
    try {
        const { data } = await github.rest.checks.get({ ...target, check_run_id: id });
        if (data.status === 'completed')
            return;
        await (0,_src_github_index_js__WEBPACK_IMPORTED_MODULE_2__/* .completeCheckRun */ .Fp)(github, target, id, {
            conclusion: 'cancelled',
            title: 'Archal did not finish',
            summary: `The step stopped before its report: the job was cancelled or timed out. No result is reported for this commit${ctx.runUrl ? `; the [workflow run](${ctx.runUrl}) has the log` : ''}. Re-run the job to test it.`,
            annotations: [],
        });
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`The check run ${id} was left in progress by a step that stopped before its report: completed as cancelled.`);
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not complete the check run ${id} the step left in progress: ${redactor.text((0,_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .g)(error))}`);
    }
}


/***/ })

};
