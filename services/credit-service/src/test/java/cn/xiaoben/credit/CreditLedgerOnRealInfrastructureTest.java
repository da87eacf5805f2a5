package cn.xiaoben.credit;

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

import static org.awaitility.Awaitility.await;

/** Observation to ledger entry against a real MongoDB replica set and apache/kafka; runs where Docker exists. */
@RealInfrastructureTest
class CreditLedgerOnRealInfrastructureTest {

    @LocalServerPort
    int port;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    DirectoryReplica directory;

    @Test
    void anObservationCreditsTheObserver() {
        try (TestEvents events = new TestEvents(RealInfrastructure.brokers(kafka))) {
            events.publish(new TeacherRegistered("t-1", "dst-t", "tsp-t", "sch-a", "王丽", "女", "数学", "g", "一级教师",
                    1985, TestClock.start()));
            await().atMost(Duration.ofSeconds(60)).until(() -> directory.teacher("t-1").isPresent());
            events.publish(CreditLedgerFlowTest.observation("t-1", "t-2", "2026-11-20T09:00:00+08:00", 45));
            Http http = Http.local(port);
            String token = TestTokens.schoolSystem("dst-t", "tsp-t", "sch-a");
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    http.get("/api/credits/teachers/t-1", token).json().get("entries").size() == 1);
        }
    }

}
