package cn.xiaoben.activity;

import cn.xiaoben.testsupport.ServiceIntegrationTest;
import cn.xiaoben.testsupport.TestTokens;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentApiTest {

    static final String DISTRICT = "dst-att", TOWNSHIP = "tsp-att", SCHOOL = "sch-att-a", OTHER_SCHOOL = "sch-att-b";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;

    Uploads uploads;
    final String school = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, SCHOOL);
    final String teacher = TestTokens.teacher(DISTRICT, TOWNSHIP, SCHOOL, "t-att-1");

    @BeforeAll
    void setUp() {
        uploads = new Uploads(port);
    }

    long storedFiles() {
        return database.getCollection("attachments.files").countDocuments();
    }

    long storedChunks() {
        return database.getCollection("attachments.chunks").countDocuments();
    }

    @Test
    void aPdfIsStoredWithItsDetectedTypeAndDownloadsByteForByteWithItsChineseName() {
        byte[] pdf = Uploads.pdf();
        Uploads.Reply reply = uploads.upload(school, "教学设计（第一课时）.pdf", "application/pdf", pdf);

        assertThat(reply.status()).isEqualTo(201);
        String id = reply.json().get("id").asString();
        assertThat(reply.header("Location")).endsWith("/api/activities/attachments/" + id);
        assertThat(reply.json().get("filename").asString()).isEqualTo("教学设计（第一课时）.pdf");
        assertThat(reply.json().get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(reply.json().get("size").asLong()).isEqualTo(pdf.length);
        assertThat(reply.json().get("sha256").asString()).isEqualTo(Uploads.sha256(pdf));
        assertThat(reply.json().get("schoolId").asString()).isEqualTo(SCHOOL);
        assertThat(reply.json().get("uploadedAt").asString()).isNotBlank();

        Uploads.Reply download = uploads.get("/api/activities/attachments/" + id + "/content", school);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(Uploads.sha256(download.body())).isEqualTo(Uploads.sha256(pdf));
        assertThat(download.header("Content-Disposition"))
                .startsWith("attachment; filename=\"")
                .contains("filename*=UTF-8''%E6%95%99%E5%AD%A6%E8%AE%BE%E8%AE%A1%EF%BC%88");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");

        Uploads.Reply metadata = uploads.get("/api/activities/attachments/" + id, school);
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.json().get("sha256").asString()).isEqualTo(Uploads.sha256(pdf));
    }

    @Test
    void aTeachersPngIsOwnedByTheirSchoolAndThemAndGridFsMetadataNamesTheOwner() {
        byte[] png = Uploads.png();
        Uploads.Reply reply = uploads.upload(teacher, "课堂照片.png", "image/png", png);

        assertThat(reply.status()).isEqualTo(201);
        String id = reply.json().get("id").asString();
        assertThat(reply.json().get("contentType").asString()).isEqualTo("image/png");
        assertThat(reply.json().get("teacherId").asString()).isEqualTo("t-att-1");
        org.bson.Document file = database.getCollection("attachments.files").find(new org.bson.Document("_id", id)).first();
        assertThat(file).isNotNull();
        org.bson.Document metadata = file.get("metadata", org.bson.Document.class);
        assertThat(metadata.getString("schoolId")).isEqualTo(SCHOOL);
        assertThat(metadata.getString("townshipId")).isEqualTo(TOWNSHIP);
        assertThat(metadata.getString("districtId")).isEqualTo(DISTRICT);
        assertThat(metadata.getString("teacherId")).isEqualTo("t-att-1");

        Uploads.Reply download = uploads.get("/api/activities/attachments/" + id + "/content", teacher);
        assertThat(download.contentType()).isEqualTo("image/png");
        assertThat(download.body()).isEqualTo(png);
    }

    @Test
    void theTypeIsTakenFromTheBytesSoAGenericDeclarationGetsTheRealTypeAndOfficeFilesAreRecognised() {
        Uploads.Reply generic = uploads.upload(school, "scan", "application/octet-stream", Uploads.png());
        assertThat(generic.status()).isEqualTo(201);
        assertThat(generic.json().get("contentType").asString()).isEqualTo("image/png");

        byte[] docx = Uploads.zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
        Uploads.Reply word = uploads.upload(school, "听课记录.docx", DOCX, docx);
        assertThat(word.status()).isEqualTo(201);
        assertThat(word.json().get("contentType").asString()).isEqualTo(DOCX);

        Uploads.Reply text = uploads.upload(school, "反思.txt", "text/plain; charset=UTF-8",
                "今天的课堂上，学生对一元一次方程的理解比预想的好。\n".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(201);
        assertThat(text.json().get("contentType").asString()).isEqualTo("text/plain");
    }

    @Test
    void bytesThatAreNotAllowedOrDisagreeWithTheDeclaredTypeAre415AndNothingIsStored() {
        long files = storedFiles(), chunks = storedChunks();
        byte[] exe = new byte[4096];
        new Random(7).nextBytes(exe);
        exe[0] = 'M';
        exe[1] = 'Z';
        Uploads.Reply program = uploads.upload(school, "lesson.pdf", "application/pdf", exe);
        assertThat(program.status()).isEqualTo(415);
        assertThat(program.isProblem()).isTrue();
        assertThat(program.json().get("code").asString()).isEqualTo("content-not-allowed");
        assertThat(program.json().get("detailZh").asString()).contains("只允许");

        byte[] noise = new byte[4096];
        new Random(11).nextBytes(noise);
        noise[0] = 0x01;
        assertThat(uploads.upload(school, "lesson.pdf", "application/pdf", noise).json().get("code").asString())
                .isEqualTo("content-not-allowed");

        Uploads.Reply zip = uploads.upload(school, "fake.docx", DOCX, Uploads.zip("a.txt", "b.txt"));
        assertThat(zip.status()).isEqualTo(415);
        assertThat(zip.json().get("code").asString()).isEqualTo("content-not-allowed");

        Uploads.Reply html = uploads.upload(school, "x.txt", "text/plain", "<html><script>alert(1)</script></html>"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(html.status()).isEqualTo(415);

        Uploads.Reply mismatch = uploads.upload(school, "photo.pdf", "application/pdf", Uploads.png());
        assertThat(mismatch.status()).isEqualTo(415);
        assertThat(mismatch.json().get("code").asString()).isEqualTo("content-mismatch");

        assertThat(storedFiles()).isEqualTo(files);
        assertThat(storedChunks()).isEqualTo(chunks);
    }

    @Test
    void aFileOverTheLimitIs413AndNothingIsStored() {
        long files = storedFiles();
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(Uploads.pdf(), 0, big, 0, Uploads.pdf().length);
        Uploads.Reply reply = uploads.upload(school, "big.pdf", "application/pdf", big);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.isProblem()).isTrue();
        assertThat(storedFiles()).isEqualTo(files);
    }

    @Test
    void emptyOrMissingFilesAre400() {
        Uploads.Reply empty = uploads.upload(school, "empty.pdf", "application/pdf", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    @Test
    void anotherSchoolGets403UnknownIs404AndTheBureauMayRead() {
        String id = uploads.upload(school, "plan.pdf", "application/pdf", Uploads.pdf()).json().get("id").asString();
        String other = TestTokens.schoolSystem(DISTRICT, TOWNSHIP, OTHER_SCHOOL);

        Uploads.Reply download = uploads.get("/api/activities/attachments/" + id + "/content", other);
        assertThat(download.status()).isEqualTo(403);
        assertThat(download.isProblem()).isTrue();
        assertThat(uploads.get("/api/activities/attachments/" + id, other).status()).isEqualTo(403);
        assertThat(uploads.get("/api/activities/attachments/att-missing/content", school).status()).isEqualTo(404);
        assertThat(uploads.get("/api/activities/attachments/" + id + "/content", TestTokens.bureau(DISTRICT)).status())
                .isEqualTo(200);
        assertThat(uploads.get("/api/activities/attachments/" + id, TestTokens.bureau("dst-elsewhere")).status())
                .isEqualTo(403);
        assertThat(uploads.upload(TestTokens.bureau(DISTRICT), "plan.pdf", "application/pdf", Uploads.pdf()).status())
                .isEqualTo(403);
        assertThat(uploads.upload(null, "plan.pdf", "application/pdf", Uploads.pdf()).status()).isEqualTo(401);
    }
}
