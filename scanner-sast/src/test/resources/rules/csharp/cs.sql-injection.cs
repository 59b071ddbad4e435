using System.Diagnostics;
using System.IO;
using Microsoft.AspNetCore.Mvc;

[ApiController]
public class ItemsController : ControllerBase
{
    [HttpGet("items")]
    public IActionResult Get(string name, int page)
    {
        // ruleid: cs.sql-injection
        var cmd = new SqlCommand("SELECT * FROM Items WHERE Name = '" + name + "'", conn);
        // ok: cs.sql-injection
        var safe = new SqlCommand("SELECT * FROM Items WHERE Page = " + page, conn);
        return Ok();
    }
}
