public class Ciphers
{
    public void Make()
    {
        // ruleid: cs.weak-cipher
        var a = DES.Create();
        // ok: cs.weak-cipher
        var b = Aes.Create();
    }
}
