package app

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/des"
	"crypto/aes"
	"crypto/tls"
	"database/sql"
	"fmt"
	"html/template"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
)

var _ = []interface{}{md5.New, sha256.New, des.NewCipher, aes.NewCipher, tls.Client, sql.Open, fmt.Sprint, template.New, os.Open, exec.Command, filepath.Base, strconv.Atoi}

func cipher(key []byte) {
	// ruleid: go.weak-cipher
	a, _ := des.NewCipher(key)
	// ok: go.weak-cipher
	b, _ := aes.NewCipher(key)
	_, _ = a, b
}
