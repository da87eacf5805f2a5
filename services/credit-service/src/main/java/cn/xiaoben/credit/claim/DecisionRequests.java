package cn.xiaoben.credit.claim;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of an approval ({@code note} optional) and of a rejection ({@code reason} required). */
final class DecisionRequests {

    private DecisionRequests() {
    }

    record Approve(@Size(max = 1000) String note) {
    }

    record Reject(@NotBlank @Size(max = 1000) String reason) {
    }
}
