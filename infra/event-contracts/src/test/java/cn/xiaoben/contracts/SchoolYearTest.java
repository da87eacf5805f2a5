package cn.xiaoben.contracts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SchoolYearTest {

    @Test
    void septemberStartsANewSchoolYearAndAugustEndsIt() {
        assertThat(SchoolYear.of(LocalDate.of(2026, 9, 1)).name()).isEqualTo("2026-2027");
        assertThat(SchoolYear.of(LocalDate.of(2027, 8, 31)).name()).isEqualTo("2026-2027");
        assertThat(SchoolYear.of(LocalDate.of(2026, 8, 31)).name()).isEqualTo("2025-2026");
    }

    @Test
    void onlyConsecutiveYearPairsParse() {
        assertThat(SchoolYear.tryParse("2026-2027")).contains(new SchoolYear(2026));
        assertThat(SchoolYear.tryParse("2026-2028")).isEmpty();
        assertThat(SchoolYear.tryParse("2026")).isEmpty();
        assertThat(SchoolYear.tryParse(null)).isEmpty();
    }
}
