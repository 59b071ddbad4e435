using System.Diagnostics;
using System.IO;
using Microsoft.AspNetCore.Mvc;

[ApiController]
public class ItemsController : ControllerBase
{
    [HttpGet("items")]
    public IActionResult Get(string name, int page)
    {
        var psi = new ProcessStartInfo();
        // ruleid: cs.command-injection-property
        psi.Arguments = "-c 1 " + name;
        // ok: cs.command-injection-property
        psi.FileName = "ping";
        return Ok();
    }
}
