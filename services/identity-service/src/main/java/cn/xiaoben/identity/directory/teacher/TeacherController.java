package cn.xiaoben.identity.directory.teacher;

import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
public class TeacherController {

    private final TeacherService teachers;

    public TeacherController(TeacherService teachers) {
        this.teachers = teachers;
    }

    /** 201 with the new teacher; a retry with the same Idempotency-Key answers 200 with the first one. */
    @PostMapping("/api/directory/schools/{schoolId}/teachers")
    public ResponseEntity<TeacherView> register(Caller caller, @PathVariable String schoolId,
                                                @Valid @RequestBody RegisterTeacherRequest request,
                                                @RequestHeader(name = IdempotentInserts.HEADER, required = false)
                                                String idempotencyKey) {
        TeacherService.Registered result = teachers.register(caller, schoolId, request, idempotencyKey);
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Idempotent-Replayed", String.valueOf(result.replayed()))
                .location(URI.create("/api/directory/teachers/" + result.teacher().id()))
                .body(result.teacher());
    }

    @GetMapping("/api/directory/schools/{schoolId}/teachers")
    public PageResponse<TeacherView> list(Caller caller, @PathVariable String schoolId,
                                          @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return teachers.list(caller, schoolId, page, size);
    }

    @GetMapping("/api/directory/teachers/{teacherId}")
    public TeacherView get(Caller caller, @PathVariable String teacherId) {
        return teachers.get(caller, teacherId);
    }
}
