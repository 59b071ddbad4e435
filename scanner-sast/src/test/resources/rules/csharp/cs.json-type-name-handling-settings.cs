public class Store
{
    public void Configure()
    {
        // ruleid: cs.json-type-name-handling-settings
        var a = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto };
        // ok: cs.json-type-name-handling-settings
        var b = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None };
    }
}
