package org.frischluft.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PinTest {
    @Test
    void hashHasTheDocumentedFormatAndVerifiesOnlyTheRightPin() {
        String hash = Pin.hash("4711".toCharArray());
        assertThat(hash).matches("pbkdf2-sha256\\$210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(Pin.verify("4711".toCharArray(), hash)).isTrue();
        assertThat(Pin.verify("4712".toCharArray(), hash)).isFalse();
        assertThat(Pin.verify("".toCharArray(), hash)).isFalse();
    }

    @Test
    void samePinGetsADifferentSaltEachTime() {
        assertThat(Pin.hash("1234".toCharArray())).isNotEqualTo(Pin.hash("1234".toCharArray()));
    }

    @Test
    void malformedOrWeakStoredHashesVerifyNothingAndNeverThrow() {
        String good = Pin.hash("1234".toCharArray());
        String[] parts = good.split("\\$");
        assertThat(Pin.verify("1234".toCharArray(), null)).isFalse();
        assertThat(Pin.verify("1234".toCharArray(), "1234")).isFalse();
        assertThat(Pin.verify("1234".toCharArray(), "pbkdf2-sha256$x$y$z")).isFalse();
        assertThat(Pin.verify("1234".toCharArray(), "pbkdf2-sha256$1000$" + parts[2] + "$" + parts[3])).isFalse();
        assertThat(Pin.verify("1234".toCharArray(), "md5$210000$" + parts[2] + "$" + parts[3])).isFalse();
        assertThat(Pin.verify("1234".toCharArray(), "pbkdf2-sha256$210000$!!!$" + parts[3])).isFalse();
    }

    @Test
    void emptyPinCannotBeSet() {
        assertThatThrownBy(() -> Pin.hash(new char[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
