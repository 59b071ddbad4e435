class UsersController < ApplicationController
  def show
    # ruleid: rb.ssrf
    body = Net::HTTP.get(URI(params[:url]))
    # ok: rb.ssrf
    fixed = Net::HTTP.get(URI("https://api.example.com/items"))
  end
end
