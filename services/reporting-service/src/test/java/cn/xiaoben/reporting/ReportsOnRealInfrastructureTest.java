package cn.xiaoben.reporting;

import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.credit.CreditAwarded;
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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The core scenario against a real MongoDB replica set and Apache Kafka; skipped where Docker is missing. */
@RealInfrastructureTest
class ReportsOnRealInfrastructureTest {

    @LocalServerPort
    int port;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    DirectoryReplica directory;

    @Test
    void creditHoursAppearInTheSchoolReportAndARedeliveryChangesNothing() {
        String brokers = RealInfrastructure.brokers(kafka);
        Instant now = TestClock.start();
        CreditAwarded credit = new CreditAwarded("entry-tc-1", "t-tc", "dst-c", "sch-c", "2026-2027", "听课评课",
                new BigDecimal("1.5"), new BigDecimal("1.5"), "rule-1", EventTypes.LESSON_OBSERVED.name(), "obs-1",
                "evt-1", LocalDate.parse("2026-10-12"), now);
        try (TestEvents events = new TestEvents(brokers)) {
            events.publish(new SchoolRegistered("sch-c", "dst-c", "tsp-c", "城关三中", "初中", now));
            events.publish(new TeacherRegistered("t-tc", "dst-c", "tsp-c", "sch-c", "陈静", "女", "语文", "g-c",
                    "一级教师", 1990, now));
            await().atMost(Duration.ofSeconds(60)).until(() -> directory.school("sch-c").isPresent());
            events.publish(credit, "ce-tc-1");
            events.publish(credit, "ce-tc-1");
        }

        Http http = Http.local(port);
        String token = TestTokens.schoolSystem("dst-c", "tsp-c", "sch-c");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Http.Reply reply = http.get("/api/reports/schools/sch-c?year=2026-2027", token);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("credits").get("totalHours").decimalValue()).isEqualByComparingTo("1.5");
            assertThat(reply.json().get("teachers").asLong()).isEqualTo(1);
        });
    }
}
