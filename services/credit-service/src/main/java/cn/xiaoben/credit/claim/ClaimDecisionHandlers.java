package cn.xiaoben.credit.claim;

import cn.xiaoben.contracts.EventType;
import cn.xiaoben.contracts.EventTypes;
import cn.xiaoben.contracts.credit.CreditClaimApproved;
import cn.xiaoben.contracts.credit.CreditClaimRejected;
import cn.xiaoben.messaging.consumer.EventHandler;
import cn.xiaoben.messaging.consumer.ReceivedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The claim's own final events, read back from {@code xiaoben.credit.v1}: a safety net that settles a decided claim
 * in the ledger should the process stop between the claim's update and the award (idempotent by source key).
 */
@Configuration(proxyBeanMethods = false)
class ClaimDecisionHandlers {

    @Bean
    EventHandler<CreditClaimApproved> creditClaimApprovedSettlement(CreditClaims claims) {
        return new EventHandler<>() {
            @Override
            public EventType<CreditClaimApproved> eventType() {
                return EventTypes.CREDIT_CLAIM_APPROVED;
            }

            @Override
            public void handle(ReceivedEvent<CreditClaimApproved> event) {
                if (event.data().finalStep()) {
                    claims.settle(event.data().claimId(), event.id());
                }
            }
        };
    }

    @Bean
    EventHandler<CreditClaimRejected> creditClaimRejectedSettlement(CreditClaims claims) {
        return new EventHandler<>() {
            @Override
            public EventType<CreditClaimRejected> eventType() {
                return EventTypes.CREDIT_CLAIM_REJECTED;
            }

            @Override
            public void handle(ReceivedEvent<CreditClaimRejected> event) {
                claims.settle(event.data().claimId(), event.id());
            }
        };
    }
}
