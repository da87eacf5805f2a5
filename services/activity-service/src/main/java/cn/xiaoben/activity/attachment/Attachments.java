package cn.xiaoben.activity.attachment;

import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.problem.FieldProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import cn.xiaoben.service.tenancy.SchoolRef;
import cn.xiaoben.service.tenancy.TenancyGuard;
import cn.xiaoben.service.tenancy.TenantScope;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import org.bson.BsonString;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Attachments (lesson plans, photos, certificates) in the GridFS bucket {@value #BUCKET}. A file is checked completely
 * (size, type from its bytes, agreement with the declared type) before anything is written; the GridFS file document
 * carries the owner (school, township, district, and the teacher for a teacher's own upload) in its metadata.
 */
@Service
public class Attachments {

    static final String BUCKET = "attachments";
    private static final Set<Role> UPLOADERS = Set.of(Role.SCHOOL_SYSTEM, Role.SCHOOL_ADMIN, Role.GROUP_LEAD, Role.TEACHER);

    private final GridFSBucket bucket;
    private final ContentSniffer sniffer = new ContentSniffer();
    private final long maxSize;

    public Attachments(MongoDatabase database, AttachmentProperties properties) {
        this.bucket = GridFSBuckets.create(database, BUCKET);
        this.maxSize = properties.maxSize().toBytes();
    }

    public AttachmentView upload(Caller caller, MultipartFile file) {
        if (caller.scope() != TenantScope.SCHOOL || caller.roles().stream().noneMatch(UPLOADERS::contains)) {
            throw ApiProblem.forbidden("Only a school (its system, staff or teachers) uploads attachments.",
                    "只有学校（学校系统、管理人员或教师）可以上传附件。");
        }
        if (file == null || file.isEmpty()) {
            throw ApiProblem.invalidField("file", "empty-file", "Send a non-empty file in the multipart part 'file'.",
                    "请在 multipart 的 file 部分上传一个非空文件。");
        }
        if (file.getSize() > maxSize) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                    "The file is larger than " + maxSize + " bytes.", "文件超过 " + maxSize + " 字节的上限。");
        }
        String detected;
        try {
            detected = sniffer.detect(file::getInputStream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ContentSniffer.allowed(detected)) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content-not-allowed",
                    "The file's content is " + detected + "; allowed are PDF, JPEG, PNG, DOCX, XLSX, PPTX and plain text.",
                    "文件实际内容为 " + detected + "，只允许 PDF、JPEG、PNG、DOCX、XLSX、PPTX 和纯文本。");
        }
        if (!ContentSniffer.agrees(file.getContentType(), detected)) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content-mismatch",
                    "The file was declared as " + file.getContentType() + " but its content is " + detected + ".",
                    "文件声明的类型为 " + file.getContentType() + "，但实际内容为 " + detected + "。");
        }
        String sha256 = sha256(file);
        String id = "att-" + UUID.randomUUID();
        String filename = Filenames.clean(file.getOriginalFilename());
        Document metadata = new Document("contentType", detected)
                .append("declaredContentType", file.getContentType())
                .append("sha256", sha256)
                .append("districtId", caller.districtId()).append("townshipId", caller.townshipId())
                .append("schoolId", caller.schoolId())
                .append("teacherId", caller.has(Role.TEACHER) ? caller.teacherId() : null)
                .append("uploadedBy", caller.subject());
        try (InputStream in = file.getInputStream()) {
            bucket.uploadFromStream(new BsonString(id), filename, in, new GridFSUploadOptions().metadata(metadata));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AttachmentView.of(stored(id));
    }

    /** The metadata, if the caller may reach the owning school: 404 when unknown, 403 when out of scope. */
    public AttachmentView find(Caller caller, String id) {
        GridFSFile file = reachable(caller, id);
        return AttachmentView.of(file);
    }

    /** The content, if the caller may reach the owning school; the caller closes the stream. */
    public Download open(Caller caller, String id) {
        GridFSFile file = reachable(caller, id);
        return new Download(AttachmentView.of(file), bucket.openDownloadStream(file.getId()));
    }

    /**
     * Checks that every id names an attachment of {@code schoolId}: 422 {@code attachment-unknown} or
     * {@code attachment-not-in-school} (one field error per offending {@code <field>[i]}) otherwise.
     */
    public void requireOwnedBySchool(String schoolId, List<String> ids, String field) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            GridFSFile file = bucket.find(Filters.eq("_id", id)).first();
            if (file == null) {
                problems.add(new FieldProblem(field + "[" + i + "]", "attachment-unknown",
                        "Attachment " + id + " does not exist; upload it first.", "附件 " + id + " 不存在，请先上传。"));
            } else if (file.getMetadata() == null || !schoolId.equals(file.getMetadata().getString("schoolId"))) {
                problems.add(new FieldProblem(field + "[" + i + "]", "attachment-not-in-school",
                        "Attachment " + id + " belongs to another school.", "附件 " + id + " 属于其他学校。"));
            }
        }
        if (!problems.isEmpty()) {
            FieldProblem first = problems.get(0);
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, first.code(), first.message(), first.messageZh(),
                    problems);
        }
    }

    private GridFSFile reachable(Caller caller, String id) {
        GridFSFile file = bucket.find(Filters.eq("_id", id)).first();
        if (file == null || file.getMetadata() == null) {
            throw ApiProblem.notFound("Attachment", "附件", id);
        }
        Document m = file.getMetadata();
        TenancyGuard.requireReach(caller, SchoolRef.of(m));
        return file;
    }

    private GridFSFile stored(String id) {
        return bucket.find(Filters.eq("_id", id)).first();
    }

    private static String sha256(MultipartFile file) {
        try (InputStream in = new DigestInputStream(file.getInputStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attachment's metadata and an open stream of its bytes. */
    public record Download(AttachmentView attachment, InputStream content) {
    }
}
