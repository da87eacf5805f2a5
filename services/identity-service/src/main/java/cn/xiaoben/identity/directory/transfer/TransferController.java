package cn.xiaoben.identity.directory.transfer;

import cn.xiaoben.identity.directory.teacher.TeacherView;
import cn.xiaoben.service.tenancy.Caller;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class TransferController {

    private final TransferService transfers;

    public TransferController(TransferService transfers) {
        this.transfers = transfers;
    }

    /** 200 with the teacher at the new school. */
    @PostMapping("/api/directory/teachers/{teacherId}/transfers")
    public TeacherView transfer(Caller caller, @PathVariable String teacherId,
                                @Valid @RequestBody TransferTeacherRequest request) {
        return transfers.transfer(caller, teacherId, request);
    }
}
