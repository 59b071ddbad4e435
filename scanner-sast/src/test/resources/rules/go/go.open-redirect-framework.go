package app

import "github.com/gin-gonic/gin"

func next(c *gin.Context) {
	// ruleid: go.open-redirect-framework
	c.Redirect(302, c.Query("next"))
	// ok: go.open-redirect-framework
	c.Redirect(302, "/home")
}
