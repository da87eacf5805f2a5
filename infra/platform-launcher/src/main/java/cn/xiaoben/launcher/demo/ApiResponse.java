package cn.xiaoben.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Status and JSON body (a problem document on errors) of one gateway call; {@code replayed}: the answer carried
 * {@code Idempotent-Replayed: true} (a retry with a known Idempotency-Key, nothing was created).
 */
public record ApiResponse(String method, String path, int status, JsonNode body, boolean replayed) {

	public ApiResponse {
		body = body == null ? MissingNode.getInstance() : body;
	}

	public ApiResponse(String method, String path, int status, JsonNode body) {
		this(method, path, status, body, false);
	}

	/** 201 and not a replay: this call created the record. */
	public boolean isNewlyCreated() {
		return status == 201 && !replayed;
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
