package cn.xiaoben.activity.attachment;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;

import java.time.Instant;

/** An attachment's metadata as the API shows it; {@code contentType} is what its bytes are, not what was declared. */
public record AttachmentView(String id, String filename, String contentType, long size, String sha256,
                             String districtId, String townshipId, String schoolId, String teacherId,
                             Instant uploadedAt) {

    static AttachmentView of(GridFSFile file) {
        Document m = file.getMetadata();
        return new AttachmentView(file.getId().asString().getValue(), file.getFilename(), m.getString("contentType"),
                file.getLength(), m.getString("sha256"), m.getString("districtId"), m.getString("townshipId"),
                m.getString("schoolId"), m.getString("teacherId"), file.getUploadDate().toInstant());
    }
}
