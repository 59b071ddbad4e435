using System.Diagnostics;
using System.IO;
using Microsoft.AspNetCore.Mvc;

[ApiController]
public class ItemsController : ControllerBase
{
    [HttpGet("items")]
    public IActionResult Get(string name, int page)
    {
        // ruleid: cs.code-injection
        var result = CSharpScript.EvaluateAsync(name);
        // ok: cs.code-injection
        var fixedResult = CSharpScript.EvaluateAsync("1 + 2");
        return Ok();
    }
}
