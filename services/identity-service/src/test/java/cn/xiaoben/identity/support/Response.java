package cn.xiaoben.identity.support;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;

public record Response(int status, HttpHeaders headers, String text) {

    public JsonNode json() {
        return Api.parse(text);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    @Override
    public String toString() {
        return status + " " + text;
    }
}
