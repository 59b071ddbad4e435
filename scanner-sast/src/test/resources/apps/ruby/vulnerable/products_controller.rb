require 'net/http'
require 'digest'

class ProductsController < ApplicationController
  def index
    @products = Product.where("name = '#{params[:name]}'")
  end

  def ping
    render plain: `ping -c 1 #{params[:host]}`
  end

  def hello
    render html: "<h1>Hello #{params[:name]}</h1>".html_safe
  end

  def download
    send_file Rails.root.join('files', params[:file])
  end

  def preview
    body = Net::HTTP.get(URI(params[:url]))
    render json: { length: body.length }
  end

  def login_done
    redirect_to params[:next]
  end

  def prefs
    @prefs = Marshal.load(Base64.decode64(cookies[:prefs]))
  end

  def etag(body)
    Digest::MD5.hexdigest(body)
  end
end
