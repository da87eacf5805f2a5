package cn.xiaoben.credit.requirement;

/**
 * Where a teacher stands against a requirement in a period. MET: enough hours and enough required content;
 * MISSED: the period is over and it was not met; NOT_STARTED: the period lies ahead; ON_TRACK / AT_RISK: the pace so
 * far (hours ÷ elapsed days × days of the period) reaches / falls short of what is required (hours or required
 * content). In the first 10% of a period the pace says little: ON_TRACK.
 */
public enum RequirementStatus {
    MET, ON_TRACK, AT_RISK, MISSED, NOT_STARTED
}
