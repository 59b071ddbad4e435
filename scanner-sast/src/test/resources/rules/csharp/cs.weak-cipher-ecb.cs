public class Ciphers
{
    public void Make(Aes aes)
    {
        // ruleid: cs.weak-cipher-ecb
        aes.Mode = CipherMode.ECB;
        // ok: cs.weak-cipher-ecb
        aes.Mode = CipherMode.CBC;
    }
}
