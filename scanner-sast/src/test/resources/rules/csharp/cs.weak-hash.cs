public class Hashes
{
    public void Compute(byte[] data)
    {
        // ruleid: cs.weak-hash
        var a = MD5.HashData(data);
        // ok: cs.weak-hash
        var b = SHA256.HashData(data);
    }
}
