package cn.xiaoben.activity.material;

import cn.xiaoben.service.idempotency.CreatedResponses;
import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/activities/teaching-materials")
class TeachingMaterialController {

    private final TeachingMaterials materials;

    TeachingMaterialController(TeachingMaterials materials) {
        this.materials = materials;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TeachingMaterialView> submit(Caller caller, @Valid @RequestBody TeachingMaterialRequest request,
                                                @RequestHeader(value = IdempotentInserts.HEADER, required = false)
                                                String idempotencyKey) {
        IdempotentInserts.Outcome outcome = materials.submit(caller, request, idempotencyKey);
        TeachingMaterialView view = TeachingMaterialView.of(outcome.document());
        return CreatedResponses.created("/api/activities/teaching-materials/" + view.id(), outcome, view);
    }

    @GetMapping("/{id}")
    TeachingMaterialView find(Caller caller, @PathVariable String id) {
        return materials.find(caller, id);
    }

    @GetMapping
    PageResponse<TeachingMaterialView> list(Caller caller,
                                            @RequestParam(required = false) String schoolId,
                                            @RequestParam(required = false) String teacherId,
                                            @RequestParam(required = false) MaterialKind kind,
                                            @RequestParam(required = false) String subject,
                                            @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                            @RequestParam(defaultValue = "0") @Min(0) int page,
                                            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return materials.list(caller, schoolId, teacherId, kind, subject, from, to, page, size);
    }
}
