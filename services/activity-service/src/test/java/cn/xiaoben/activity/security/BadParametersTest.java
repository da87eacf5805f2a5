package cn.xiaoben.activity.security;

import cn.xiaoben.testsupport.Http;
import cn.xiaoben.testsupport.ServiceIntegrationTest;
import cn.xiaoben.testsupport.TestTokens;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Query parameters and multipart bodies an attacker sends: 400 problems naming the field, no type names, no 500. */
@ServiceIntegrationTest
class BadParametersTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;

    final String school = TestTokens.schoolSystem("dst-bad", "tsp-bad", "sch-bad");

    @Test
    void aPageNumberBeyondAnyIntegerIsA400OnThatParameterWithoutAJavaTypeName() {
        for (String page : new String[] {"99999999999", "abc", "1e3"}) {
            Http.Reply reply = Http.local(port).get("/api/activities/lesson-observations?page=" + page, school);
            assertThat(reply.status()).as(page).isEqualTo(400);
            assertThat(reply.isProblem()).isTrue();
            assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
            assertThat(reply.body()).doesNotContain("java.", "Integer", "NumberFormat", "Exception");
        }
    }

    @Test
    void aMultipartBodyThatCannotBeParsedIsA400AndStoresNothing() {
        long before = database.getCollection("attachments.files").countDocuments(new Document());
        Http.Reply reply = Http.local(port).postRaw("/api/activities/attachments", school,
                "multipart/form-data; boundary=----x", "------x\r\nContent-Disposition: form-data; name=\"file\"");
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.body()).doesNotContain("java.", "Exception");
        assertThat(database.getCollection("attachments.files").countDocuments(new Document())).isEqualTo(before);
    }
}
