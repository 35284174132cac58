package io.bta.tokenomics.hostile;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one call answered: its status, whether its body is an RFC 9457 problem document (type,
 * title, status equal to the answer's, detail), and the body. An event stream is not read: an
 * allowed call of it never ends on its own.
 */
record Answer(int status, boolean problem, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Answer send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        var contentType = response.headers().firstValue("Content-Type").orElse("");
        String body;
        try (var in = response.body()) {
            body = contentType.startsWith("text/event-stream")
                    ? "(an event stream)"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        boolean problem = false;
        if (contentType.startsWith("application/problem+json")) {
            var node = JSON.readTree(body);
            problem = node.has("type")
                    && node.has("title")
                    && node.has("status")
                    && node.has("detail")
                    && node.get("status").asInt() == response.statusCode();
        }
        return new Answer(response.statusCode(), problem, body);
    }
}
