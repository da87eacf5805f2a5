package cn.xiaoben.credit.transcript;

import cn.xiaoben.service.tenancy.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TranscriptController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final Transcripts transcripts;

    TranscriptController(Transcripts transcripts) {
        this.transcripts = transcripts;
    }

    /** The year's transcript: JSON, or CSV with {@code Accept: text/csv} or {@code ?format=csv}. */
    @GetMapping("/api/credits/teachers/{teacherId}/transcript")
    ResponseEntity<?> transcript(Caller caller, @PathVariable String teacherId,
                                 @RequestParam(required = false) String year,
                                 @RequestParam(required = false) String format,
                                 @RequestHeader(value = "Accept", required = false) String accept) {
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw cn.xiaoben.service.problem.ApiProblem.invalidField("format", "invalid-format",
                    "format must be csv or json.", "format 须为 csv 或 json。");
        }
        TranscriptView view = transcripts.of(caller, teacherId, year);
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv"));
        if (csv) {
            return ResponseEntity.ok().contentType(CSV)
                    .header("Content-Disposition", "attachment; filename=\"transcript-" + teacherId.replaceAll("[^A-Za-z0-9_-]", "_") + "-"
                            + view.year() + ".csv\"")
                    .body(TranscriptCsv.write(view));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view);
    }
}
