package cn.xiaoben.activity.session;

import cn.xiaoben.contracts.EventJson;
import cn.xiaoben.testsupport.Http;
import cn.xiaoben.testsupport.TestClock;
import cn.xiaoben.testsupport.TestEvents;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Small helpers shared by the session form tests (bodies, uploads, event checks). */
final class SessionFixtures {

    private SessionFixtures() {
    }

    /**
     * A session body of {@code form}; starts {@code hoursFromNow} hours after what {@code clock} (the service's) shows
     * now (negative: already started).
     */
    static Map<String, Object> body(TestClock clock, String form, String hostId, List<String> participants,
                                    int hoursFromNow) {
        OffsetDateTime start = clock.now().truncatedTo(ChronoUnit.MINUTES).plusHours(hoursFromNow);
        Map<String, Object> body = new HashMap<>();
        body.put("form", form);
        body.put("topic", "专题 " + UUID.randomUUID().toString().substring(0, 8));
        body.put("level", "SCHOOL");
        body.put("hostId", hostId);
        body.put("plannedStart", start.toString());
        body.put("plannedEnd", start.plusMinutes(90).toString());
        body.put("place", "会议室");
        body.put("participantIds", participants);
        return body;
    }

    static Map<String, Object> lesson(String title) {
        return Map.of("subject", "数学", "grade", "七年级", "title", title);
    }

    static JsonNode created(Http http, String token, Map<String, Object> body) {
        Http.Reply reply = http.post("/api/activities/sessions", token, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    /** Holds a started session by uploading everyone PRESENT for the planned 90 minutes. */
    static JsonNode held(Http http, String token, JsonNode session) {
        List<Map<String, Object>> file = session.get("participants").valueStream()
                .map(p -> Map.<String, Object>of("teacherId", p.get("teacherId").asString(), "mark", "PRESENT",
                        "attendedMinutes", 90)).toList();
        Http.Reply reply = http.post("/api/activities/sessions/" + session.get("id").asString() + "/attendance",
                token, file);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("status").asString()).isEqualTo("HELD");
        return reply.json();
    }

    static void assertFieldError(Http.Reply reply, int status, String code, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("errors").valueStream()
                .anyMatch(e -> e.get("field").asString().equals(field) && e.get("code").asString().equals(code)))
                .as(reply.body()).isTrue();
    }

    static Predicate<ConsumerRecord<String, CloudEvent>> of(String type, String subject) {
        return r -> r.value() != null && type.equals(r.value().getType()) && subject.equals(r.value().getSubject());
    }

    static JsonNode data(ConsumerRecord<String, CloudEvent> record) {
        return EventJson.mapper().readTree(record.value().getData().toBytes());
    }

    static void schemaValid(ConsumerRecord<String, CloudEvent> record) {
        assertThat(TestEvents.schemaViolations(record.value().getType(), record.value().getData().toBytes()))
                .as(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8)).isEmpty();
    }

    /** Uploads a small plain-text attachment; its id. */
    static String upload(int port, String token, String text) {
        String boundary = "----xiaoben" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/activities/attachments"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return EventJson.mapper().readTree(response.body()).get("id").asString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
