using System.Diagnostics;
using System.IO;
using Microsoft.AspNetCore.Mvc;

[ApiController]
public class ItemsController : ControllerBase
{
    [HttpGet("items")]
    public IActionResult Get(string name, int page)
    {
        // ruleid: cs.path-traversal
        var text = System.IO.File.ReadAllText(Path.Combine("/srv/files", name));
        // ok: cs.path-traversal
        var same = System.IO.File.ReadAllText(Path.Combine("/srv/files", Path.GetFileName(name)));
        return Ok();
    }
}
