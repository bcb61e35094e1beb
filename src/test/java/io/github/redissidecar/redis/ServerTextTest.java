package io.github.redissidecar.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerTextTest {

    @Test
    void theCredentialsARenamedAuthEchoesAreMasked() {
        String clean = ServerText.clean("ERR unknown command 'auth', with args beginning with: 'alice' 'sekret' ",
                List.of("alice", "sekret"));
        assertEquals("ERR unknown command 'auth', with args beginning with: '****' '****' ", clean);
    }

    @Test
    void controlCharactersCannotStartALogLineOfTheServersOwn() {
        String clean = ServerText.clean("ERR x\r\n2026-01-01 ERROR forged\u0000\u001b[31m\\", List.of());
        assertEquals("ERR x\\r\\n2026-01-01 ERROR forged\\x00\\x1b[31m\\", clean);
        assertFalse(clean.chars().anyMatch(Character::isISOControl));
    }

    @Test
    void aLongErrorIsCutAndCounted() {
        String clean = ServerText.clean("E".repeat(2_000_000), List.of());
        assertTrue(clean.length() < ServerText.MAX_CHARS + 40, clean.length() + " characters");
        assertTrue(clean.endsWith("…(2000000 characters)"), clean);
    }

    @Test
    void aSecretSplitByTheCutIsMaskedBeforeCutting() {
        String secret = "p".repeat(50);
        String clean = ServerText.clean("x".repeat(ServerText.MAX_CHARS - 10) + secret, List.of(secret, ""));
        assertFalse(clean.contains("pppp"), clean);
        assertTrue(ServerText.clean(null, List.of()).isEmpty());
    }
}
