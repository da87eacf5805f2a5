package cn.xiaoben.activity.session;

import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A subject group's 出勤表 for a term: JSON, {@code Accept: text/csv}, or {@code ?format=csv|xlsx|json}. */
@RestController
@RequestMapping("/api/activities/subject-groups/{groupId}/attendance-sheet")
class GroupAttendanceSheetController {

    private final GroupAttendanceSheets sheets;

    GroupAttendanceSheetController(GroupAttendanceSheets sheets) {
        this.sheets = sheets;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    GroupAttendanceSheet json(Caller caller, @PathVariable String groupId,
                              @RequestParam(required = false) String term) {
        return sheets.sheet(caller, groupId, term);
    }

    @GetMapping(produces = SessionController.CSV)
    ResponseEntity<byte[]> csv(Caller caller, @PathVariable String groupId,
                               @RequestParam(required = false) String term) {
        return csvFile(sheets.sheet(caller, groupId, term));
    }

    /** For download links that cannot set Accept. */
    @GetMapping(params = "format")
    ResponseEntity<?> formatted(Caller caller, @PathVariable String groupId,
                                @RequestParam(required = false) String term, @RequestParam String format) {
        if (!format.equals("csv") && !format.equals("xlsx") && !format.equals("json")) {
            throw ApiProblem.invalidField("format", "invalid-format", "format must be csv, xlsx or json.",
                    "format 须为 csv、xlsx 或 json。");
        }
        GroupAttendanceSheet sheet = sheets.sheet(caller, groupId, term);
        return switch (format) {
            case "csv" -> csvFile(sheet);
            case "xlsx" -> ResponseEntity.ok().contentType(MediaType.parseMediaType(AttendanceWorkbook.MEDIA_TYPE))
                    .header(HttpHeaders.CONTENT_DISPOSITION, disposition(sheet, "xlsx")).body(sheet.xlsx());
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(sheet);
        };
    }

    private static ResponseEntity<byte[]> csvFile(GroupAttendanceSheet sheet) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(SessionController.CSV + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(sheet, "csv")).body(sheet.csv());
    }

    private static String disposition(GroupAttendanceSheet sheet, String extension) {
        String safeId = sheet.groupId().replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"attendance-" + safeId + "-" + sheet.term() + "." + extension + "\"";
    }
}
