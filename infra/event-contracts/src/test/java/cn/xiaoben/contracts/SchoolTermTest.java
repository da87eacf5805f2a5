package cn.xiaoben.contracts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SchoolTermTest {

    @Test
    void theFirstTermRunsSeptemberToJanuaryAndTheSecondFebruaryToAugust() {
        assertThat(SchoolTerm.of(LocalDate.of(2026, 9, 1)).name()).isEqualTo("2026-2027-1");
        assertThat(SchoolTerm.of(LocalDate.of(2027, 1, 31)).name()).isEqualTo("2026-2027-1");
        assertThat(SchoolTerm.of(LocalDate.of(2027, 2, 1)).name()).isEqualTo("2026-2027-2");
        assertThat(SchoolTerm.of(LocalDate.of(2027, 8, 31)).name()).isEqualTo("2026-2027-2");
        assertThat(SchoolTerm.of(LocalDate.of(2026, 8, 31)).name()).isEqualTo("2025-2026-2");
    }

    @Test
    void termsTileTheSchoolYear() {
        SchoolTerm first = SchoolTerm.tryParse("2026-2027-1").orElseThrow();
        SchoolTerm second = SchoolTerm.tryParse("2026-2027-2").orElseThrow();
        assertThat(first.firstDay()).isEqualTo(first.year().firstDay());
        assertThat(first.endExclusive()).isEqualTo(second.firstDay());
        assertThat(second.endExclusive()).isEqualTo(second.year().endExclusive());
        assertThat(first.contains(LocalDate.of(2026, 11, 22))).isTrue();
        assertThat(second.contains(LocalDate.of(2026, 11, 22))).isFalse();
        assertThat(first.nameZh()).isEqualTo("2026-2027学年第一学期");
    }

    @Test
    void onlyTermOneOrTwoOfAValidYearParses() {
        assertThat(SchoolTerm.tryParse("2026-2027-3")).isEmpty();
        assertThat(SchoolTerm.tryParse("2026-2028-1")).isEmpty();
        assertThat(SchoolTerm.tryParse("2026-2027")).isEmpty();
        assertThat(SchoolTerm.tryParse(null)).isEmpty();
    }
}
