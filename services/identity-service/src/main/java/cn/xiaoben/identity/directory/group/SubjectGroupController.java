package cn.xiaoben.identity.directory.group;

import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.tenancy.Caller;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api/directory/schools/{schoolId}/subject-groups")
public class SubjectGroupController {

    private final SubjectGroupService groups;

    public SubjectGroupController(SubjectGroupService groups) {
        this.groups = groups;
    }

    @PostMapping
    public ResponseEntity<SubjectGroupView> register(Caller caller, @PathVariable String schoolId,
                                                     @Valid @RequestBody RegisterSubjectGroupRequest request,
                                                     @RequestHeader(name = IdempotentInserts.HEADER, required = false)
                                                     String idempotencyKey) {
        SubjectGroupService.Registered result = groups.register(caller, schoolId, request, idempotencyKey);
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Idempotent-Replayed", String.valueOf(result.replayed()))
                .location(URI.create("/api/directory/schools/" + schoolId + "/subject-groups/" + result.group().id()))
                .body(result.group());
    }

    @GetMapping
    public List<SubjectGroupView> list(Caller caller, @PathVariable String schoolId) {
        return groups.list(caller, schoolId);
    }
}
