package cn.xiaoben.activity.online;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A teacher's online study (网络研修): a course on a platform such as 国家中小学智慧教育平台, its hours (0.5–200 in steps
 * of 0.5) and when it was completed (not after today in China Standard Time, checked by the service), optionally with
 * the certificate's attachments.
 */
public record OnlineStudyRequest(
        @NotBlank @Size(max = 64) String teacherId,
        @NotBlank @Size(max = 100) String platform,
        @NotBlank @Size(max = 200) String course,
        @NotNull @DecimalMin("0.5") @DecimalMax("200") BigDecimal hours,
        @NotNull LocalDate completedOn,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> certificateAttachmentIds) {
}
