package cn.xiaoben.identity.directory.township;

import cn.xiaoben.service.idempotency.IdempotentInserts;
import cn.xiaoben.service.tenancy.Caller;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api/directory/townships")
public class TownshipController {

    private final TownshipService townships;

    public TownshipController(TownshipService townships) {
        this.townships = townships;
    }

    @PostMapping
    public ResponseEntity<TownshipView> register(Caller caller, @Valid @RequestBody RegisterTownshipRequest request,
                                                 @RequestHeader(name = IdempotentInserts.HEADER, required = false)
                                                 String idempotencyKey) {
        TownshipService.Registered result = townships.register(caller, request, idempotencyKey);
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Idempotent-Replayed", String.valueOf(result.replayed()))
                .location(URI.create("/api/directory/townships/" + result.township().id()))
                .body(result.township());
    }

    @GetMapping
    public List<TownshipView> list(Caller caller) {
        return townships.list(caller);
    }
}
