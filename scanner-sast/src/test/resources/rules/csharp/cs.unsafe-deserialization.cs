public class Store
{
    public object Load(Stream s)
    {
        // ruleid: cs.unsafe-deserialization
        var f = new BinaryFormatter();
        // ok: cs.unsafe-deserialization
        var j = new DataContractJsonSerializer(typeof(Item));
        return f.Deserialize(s);
    }
}
