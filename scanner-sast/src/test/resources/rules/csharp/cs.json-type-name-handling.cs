public class Store
{
    public void Configure(JsonSerializerSettings settings)
    {
        // ruleid: cs.json-type-name-handling
        settings.TypeNameHandling = TypeNameHandling.All;
        // ok: cs.json-type-name-handling
        settings.TypeNameHandling = TypeNameHandling.None;
    }
}
