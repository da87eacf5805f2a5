package cn.xiaoben.activity;

import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.Topics;
import cn.xiaoben.contracts.directory.TeacherRegistered;
import cn.xiaoben.service.directory.DirectoryReplica;
import cn.xiaoben.testsupport.Http;
import cn.xiaoben.testsupport.RealInfrastructure;
import cn.xiaoben.testsupport.RealInfrastructureTest;
import cn.xiaoben.testsupport.TestClock;
import cn.xiaoben.testsupport.TestClockConfiguration;
import cn.xiaoben.testsupport.TestEvents;
import cn.xiaoben.testsupport.TestTokens;
import cn.xiaoben.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The core flow against a real MongoDB replica set and apache/kafka; runs where Docker exists. The service runs on the
 * suite's clock, as in every {@code @ServiceIntegrationTest}.
 */
@RealInfrastructureTest
@Import(TestClockConfiguration.class)
class LessonObservationOnRealInfrastructureTest {

    @LocalServerPort
    int port;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    DirectoryReplica directory;
    @Autowired
    TestClock clock;

    @Test
    void anObservationIsStoredAndPublished() {
        try (TestEvents events = new TestEvents(RealInfrastructure.brokers(kafka)); TopicRecorder topic = new TopicRecorder(RealInfrastructure.brokers(kafka), Topics.ACTIVITY)) {
            Instant now = clock.instant();
            events.publish(new TeacherRegistered("t-o", "d", "t", "s", "王丽", "女", "数学", "g", "一级教师", 1985, now));
            events.publish(new TeacherRegistered("t-x", "d", "t", "s", "李强", "男", "数学", "g", "一级教师", 1990, now));
            await().atMost(Duration.ofSeconds(60)).until(() -> directory.teacher("t-x").isPresent());

            Map<String, Object> body = LessonObservationApiTest.body(clock);
            body.put("observerId", "t-o");
            body.put("teacherId", "t-x");
            Http.Reply reply = Http.local(port).post("/api/activities/lesson-observations",
                    TestTokens.schoolSystem("d", "t", "s"), body);

            assertThat(reply.status()).isEqualTo(201);
            topic.await(TopicRecorder.ofType(EventTypes.LESSON_OBSERVED.name()));
        }
    }

}
