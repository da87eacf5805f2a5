package cn.xiaoben.evaluation;

import cn.xiaoben.contracts.activity.LessonObserved;
import cn.xiaoben.contracts.directory.SchoolRegistered;
import cn.xiaoben.contracts.directory.TeacherRegistered;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.testsupport.TestClock;
import cn.xiaoben.testsupport.Http;
import cn.xiaoben.testsupport.RealInfrastructure;
import cn.xiaoben.testsupport.RealInfrastructureTest;
import cn.xiaoben.testsupport.TestEvents;
import cn.xiaoben.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The core scenario against a real MongoDB replica set and Apache Kafka; skipped where Docker is missing. */
@RealInfrastructureTest
class ObservationScoresOnRealInfrastructureTest {

    @LocalServerPort
    int port;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    DirectoryReplica directory;

    @Test
    void averagesFollowLessonObservedEventsAndARedeliveryChangesNothing() {
        String brokers = RealInfrastructure.brokers(kafka);
        Instant now = TestClock.start();
        LessonObserved observation = new LessonObserved("obs-tc-1", "dst-c", "tsp-c", "sch-c", "t-obs", "t-seen",
                "语文", "八年级", "背影", OffsetDateTime.parse("2026-10-12T09:00:00+08:00"), 45,
                Map.of("objectives", 90, "content", 80, "method", 70, "engagement", 90, "effect", 80,
                        "basicSkills", 70), "朴实", now);
        try (TestEvents events = new TestEvents(brokers)) {
            events.publish(new SchoolRegistered("sch-c", "dst-c", "tsp-c", "城关三中", "初中", now));
            events.publish(new TeacherRegistered("t-seen", "dst-c", "tsp-c", "sch-c", "陈静", "女", "语文", "g-c",
                    "一级教师", 1990, now));
            await().atMost(Duration.ofSeconds(60)).until(() -> directory.teacher("t-seen").isPresent());
            events.publish(observation, "ce-tc-1");
            events.publish(observation, "ce-tc-1");
        }

        Http http = Http.local(port);
        String token = TestTokens.schoolSystem("dst-c", "tsp-c", "sch-c");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Http.Reply reply = http.get("/api/evaluations/teachers/t-seen/observation-scores?year=2026-2027", token);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("observations").asLong()).isEqualTo(1);
            assertThat(reply.json().get("overall").asDouble()).isEqualTo(80.0);
        });
    }
}
