package cn.xiaoben.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Status and JSON body (a problem document on errors) of one gateway call; {@code replayed}: the answer carried
 * {@code Idempotent-Replayed: true} (the service already had a record with this Idempotency-Key);
 * {@code afterLostAttempt}: the call was retried after an attempt whose outcome the client never learnt (a
 * timeout or a broken connection after the request went out, a 5xx other than 503), so that attempt may have
 * created the record the answer replays.
 */
public record ApiResponse(String method, String path, int status, JsonNode body, boolean replayed,
		boolean afterLostAttempt) {

	public ApiResponse {
		body = body == null ? MissingNode.getInstance() : body;
	}

	public ApiResponse(String method, String path, int status, JsonNode body, boolean replayed) {
		this(method, path, status, body, replayed, false);
	}

	public ApiResponse(String method, String path, int status, JsonNode body) {
		this(method, path, status, body, false, false);
	}

	/**
	 * 201 and this call created the record: not a replay, or the replay of what this call's own lost attempt
	 * created. (A replay after a lost attempt cannot tell that attempt from an earlier run; it is counted as this
	 * call's, because an earlier run's record is normally replayed to the first attempt already. On a re-run whose
	 * first attempt is lost, one existing record may thus be counted as new.)
	 */
	public boolean isNewlyCreated() {
		return status == 201 && (!replayed || afterLostAttempt);
	}

	ApiResponse asRetryOfLostAttempt() {
		return new ApiResponse(method, path, status, body, replayed, true);
	}

	public boolean isSuccess() {
		return status >= 200 && status < 300;
	}

	/** The problem's {@code code} member (e.g. {@code teacher-unknown}), or empty. */
	public String problemCode() {
		return body.path("code").asText("");
	}

	public String text(String field) {
		JsonNode value = body.path(field);
		return value.isMissingNode() || value.isNull() ? null : value.asText();
	}

	public DemoLoadException failure() {
		String detail = body.isMissingNode() ? "" : " " + body;
		if (detail.length() > 600) {
			detail = detail.substring(0, 600) + "…";
		}
		return new DemoLoadException(method + " " + path + " answered " + status + detail);
	}
}
