package cn.xiaoben.activity.attachment;

import cn.xiaoben.service.tenancy.Caller;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;

@RestController
@RequestMapping("/api/activities/attachments")
class AttachmentController {

    private final Attachments attachments;

    AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    /** {@code file} is read as optional so that a missing part is a 400 field error, not a framework error. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentView> upload(Caller caller, @RequestParam(value = "file", required = false) MultipartFile file) {
        AttachmentView view = attachments.upload(caller, file);
        return ResponseEntity.created(URI.create("/api/activities/attachments/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    AttachmentView find(Caller caller, @PathVariable String id) {
        return attachments.find(caller, id);
    }

    @GetMapping("/{id}/content")
    ResponseEntity<Resource> content(Caller caller, @PathVariable String id) {
        Attachments.Download download = attachments.open(caller, id);
        AttachmentView a = download.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(a.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, Filenames.contentDisposition(a.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.ETAG, "\"" + a.sha256() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=0")
                .body(new InputStreamResource(download.content()));
    }
}
